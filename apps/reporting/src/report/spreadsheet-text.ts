// The rule lives in the report model, shared with the dashboard's exports.
export { spreadsheetRow, spreadsheetText } from '@binh-yen/report-model';
