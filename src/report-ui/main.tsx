/**
 * Entry of dist/trainer-report.html: the scenario and the module's version history are built into the page
 * (plugins/trainer-report-plugin.ts), so it needs nothing but itself, on file:// as on a web server.
 */
import scenario from 'virtual:scenario';
import history from 'virtual:trainer-report';
import { render } from 'preact';
import { ReportPage } from './report-page.tsx';
import './report.css';

/** Fired once the report for newly opened files (or a new filter) is in the DOM: `npm run bench` times it. */
export const RENDERED_EVENT = 'trainer-report:rendered';

const onRendered = (): void => {
  window.dispatchEvent(new CustomEvent(RENDERED_EVENT));
};

const app = document.getElementById('app') as HTMLElement;
app.replaceChildren();
render(<ReportPage scenario={scenario} history={history} onRendered={onRendered} />, app);
