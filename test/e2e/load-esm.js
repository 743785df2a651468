// ts-jest compiles the suites to CommonJS, where `import()` becomes `require()`; the ESM scripts in
// scripts/ are imported from this plain file instead (jest runs with --experimental-vm-modules).
module.exports = { importEsm: (specifier) => import(specifier) };
