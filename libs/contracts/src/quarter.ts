// One definition of the quarter, in the shared kernel (pure, shared with the browser bundle).
export { isQuarter, QUARTER, QUARTER_PATTERN, quarterOf } from '@binh-yen/shared-kernel';
