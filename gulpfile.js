const { src, dest } = require('gulp');

// The only job of gulp here: ship the SVG icons next to the compiled nodes and credentials.
function copyIcons() {
	return src('icons/**/*.svg', { encoding: false }).pipe(dest('dist/icons'));
}

exports['build:icons'] = copyIcons;
