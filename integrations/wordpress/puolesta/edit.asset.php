<?php
// Dependencies of edit.js (read by register_block_type for "file:./edit.js"): WordPress's own globals. The
// element's script is block.json's "script" (the pinned puolesta handle): WordPress loads that into the editor
// canvas, also when the canvas is an iframe, so the preview there is the real element.
return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
	'version'      => '0.1.0',
);
