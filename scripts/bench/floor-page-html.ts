/**
 * The floor: the fastest a first screen with this text can be, a static page with the module's first-screen
 * text (`main.innerText`, one paragraph per line) and one button, no script and no stylesheet.
 */
export function floorPageHtml(mainText: string, buttonLabel: string): string {
  const lines = mainText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const label = buttonLabel.trim() || 'Start';
  // The button takes the place of the line that is the module's own button, or comes last.
  const at = lines.indexOf(label);
  const button = `<button type="button">${escapeHtml(label)}</button>`;
  const body = lines.map((line, index) => (index === at ? button : `<p>${escapeHtml(line)}</p>`));
  if (at < 0) body.push(button);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Floor</title>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
