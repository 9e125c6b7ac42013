#!/usr/bin/env node
// The CLI is bundled into one file at build time: Chevrotain's lodash-es dependency is
// hundreds of small modules, and loading them one by one cost more than parsing most files.
import '../dist/ghcprof.mjs';
