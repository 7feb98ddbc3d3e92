/** Bundle entry for dist/cli.cjs; bin/casedesk.cjs calls main(). */
export { main, runCli } from './main';
