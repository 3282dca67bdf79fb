/**
 * A run's History as Keras' CSVLogger writes it: the header `epoch,accuracy,loss,val_accuracy,val_loss`, one row
 * per epoch with the epoch counted from 0, numbers as Python's repr writes floats (`0.25`, `1.0`, `1e-05`, `nan`),
 * and Python's csv "excel" dialect line ends (`\r\n`). One function for the app's export and the CLI's --history.
 *
 * Where Keras has no value (no validation split) CSVLogger would leave the column out entirely; here the columns
 * stay fixed and the cell is empty, so every export has the same header.
 */
import { HISTORY_CSV_COLUMNS, type HistoryRow } from '../api/run-history';

/** Python 3's repr of a float: the shortest digits that read back exactly, in Python's notation. */
export function pythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  // toExponential() without digits gives the shortest round-trip digits, as Python's repr does.
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  // Python switches to scientific notation below 1e-4 and from 1e16 on.
  if (exponent < -4 || exponent >= 16) {
    const rest = digits.slice(1);
    const exp = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return `${sign}${digits[0]}${rest ? `.${rest}` : ''}e${exp}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction || '0'}`;
}

const cell = (value: number | null): string => (value === null ? '' : pythonFloat(value));

/** The CSV text of a History (its rows count epochs from 1, as the epoch events do); an empty History is the header alone. */
export function historyCsv(history: readonly HistoryRow[]): string {
  const rows = history.map((row) => [String(row.epoch - 1), cell(row.accuracy), cell(row.loss), cell(row.val_accuracy), cell(row.val_loss)].join(','));
  return [HISTORY_CSV_COLUMNS.join(','), ...rows].map((line) => `${line}\r\n`).join('');
}
