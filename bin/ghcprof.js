#!/usr/bin/env node
// The CLI is bundled at build time (the entry and a chunk per command): Chevrotain's lodash-es
// dependency is hundreds of small modules, and loading them one by one cost more than parsing
// most files.
import '../dist/ghcprof.mjs';
