// The page script's entry: esbuild bundles this module and everything it imports into the
// one IIFE the page inlines (see ../build-viewer.mjs).
import { startViewer } from './start-viewer.js';

startViewer(window);
