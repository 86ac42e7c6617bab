<?php
// Dependencies of edit.js (read by register_block_type for "file:./edit.js"): WordPress's own globals, and
// the plugin's pinned puolesta script, so the editor preview is the real element.
return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'puolesta' ),
	'version'      => '0.1.0',
);
