export { startPrinterSimulator } from './printer-simulator.js';
export type { PrinterSimState, PrinterSimulator, PrinterSimulatorOptions, SimEvent, SimReceipt } from './printer-simulator.js';
export type { PrintedElement } from './receipt-preview.js';
