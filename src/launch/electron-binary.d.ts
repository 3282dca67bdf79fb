/** Types of electron-binary.js (plain JS: it runs before anything is built or transpiled). */
export function electronPackageDir(): string | null;
export function electronBinary(): string | null;
export function electronViteCli(): string;
