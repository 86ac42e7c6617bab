<?php
/**
 * Plugin Name:       Puolesta – Suomi.fi mandate guide
 * Description:       A block that tells citizens whether they need a Suomi.fi mandate (valtuus) for a service, which mandate theme, and how to get it. Uses the pinned, integrity-checked Puolesta script shipped in this plugin.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       puolesta
 * Domain Path:       /languages
 *
 * MIT is compatible with GPL-2.0-or-later, WordPress's licence.
 */

defined( 'ABSPATH' ) || exit;

// The pinned files in assets/<version>/ (copied there by scripts/build-wordpress.mjs, which checks this value).
const PUOLESTA_FILES_VERSION = '0.1.0';

// The pre-rendered guide (the twin of src/core/prerender.ts, one source with the Drupal module's; see its header).
require_once __DIR__ . '/includes/Prerender.php';

const PUOLESTA_PRINCIPALS = array( 'person', 'minor', 'company', 'housing-company', 'association', 'foundation', 'estate', 'organisation' );
const PUOLESTA_SITUATIONS = array( 'on-behalf', 'joint', 'alone' );

/** The site's content language as the element knows it: fi, sv or en ('' when the site speaks another). */
function puolesta_site_language() {
	$lang = strtolower( substr( get_locale(), 0, 2 ) );
	return in_array( $lang, array( 'fi', 'sv', 'en' ), true ) ? $lang : '';
}

/**
 * The script file: the one-language file for a fi/sv/en site (smaller, always speaks the site language), else
 * the all-language file. A multilingual site (Polylang, WPML) should return 'puolesta.js' from the filter.
 */
function puolesta_script_file() {
	$lang = puolesta_site_language();
	$file = apply_filters( 'puolesta_script_file', $lang ? "puolesta.$lang.js" : 'puolesta.js' );
	return in_array( $file, array( 'puolesta.js', 'puolesta.fi.js', 'puolesta.sv.js', 'puolesta.en.js' ), true ) ? $file : 'puolesta.js';
}

function puolesta_asset_path( $file ) {
	return __DIR__ . '/assets/' . PUOLESTA_FILES_VERSION . '/' . $file;
}

/** The release folder's URL, ending in "/": the script, the stylesheet and the catalogue are served from it. */
function puolesta_asset_folder() {
	return plugins_url( 'assets/' . PUOLESTA_FILES_VERSION . '/', __FILE__ );
}

/** The release's pre-render pack (prerender.json), or null: then every guide is the plain element. */
function puolesta_prerender_pack() {
	return \Puolesta\Prerender::load( puolesta_asset_path( 'prerender.json' ) );
}

/** sha384 values from the release's integrity.json, read once per request. */
function puolesta_integrity( $file ) {
	static $files = null;
	if ( null === $files ) {
		$json  = is_readable( puolesta_asset_path( 'integrity.json' ) ) ? file_get_contents( puolesta_asset_path( 'integrity.json' ) ) : '';
		$data  = json_decode( (string) $json, true );
		$files = isset( $data['files'] ) && is_array( $data['files'] ) ? $data['files'] : array();
	}
	return isset( $files[ $file ]['integrity'] ) ? (string) $files[ $file ]['integrity'] : '';
}

/** The theme catalogue (slug → names per language), for the no-JS fallback's theme names. */
function puolesta_theme_names() {
	static $names = null;
	if ( null === $names ) {
		$names = array();
		$path  = puolesta_asset_path( 'mandate-themes.json' );
		$data  = is_readable( $path ) ? json_decode( (string) file_get_contents( $path ), true ) : null;
		foreach ( isset( $data['themes'] ) ? $data['themes'] : array() as $theme ) {
			if ( isset( $theme['s'] ) ) {
				$names[ $theme['s'] ] = isset( $theme['n'] ) && is_array( $theme['n'] ) ? $theme['n'] : array();
			}
		}
	}
	return $names;
}

/** Theme ids as the element takes them: bare slugs or valtuusrekisteri URIs, at most 8. */
function puolesta_valid_theme_list( $value ) {
	return (bool) preg_match( '~^\s*(?:(?:https?://valtuusrekisteri\.suomi\.fi/)?[a-z0-9_]+)(?:\s+(?:(?:https?://valtuusrekisteri\.suomi\.fi/)?[a-z0-9_]+)){0,7}\s*$~i', $value );
}

function puolesta_valid_guid( $value ) {
	return (bool) preg_match( '/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i', $value );
}

add_action(
	'init',
	function () {
		// In the head, deferred (defer is added with the integrity value, below): the block is pre-rendered as
		// declarative shadow DOM, so the guide shows before the script runs and the script need not hold up the
		// page. Version null: the path is already pinned.
		$file = puolesta_script_file();
		wp_register_script( 'puolesta', puolesta_asset_folder() . $file, array(), null, false );
		// The guide's stylesheet (every selector under :host, so it styles nothing else on the page) in the head:
		// the pre-rendered guide is styled at first paint in every engine.
		wp_register_style( 'puolesta-guide', puolesta_asset_folder() . 'puolesta-guide.css', array(), null );

		// The plugin carries its own translations (languages/, written by the build from the element's reviewed
		// texts): the .mo for block.json's title, description and keywords, the JSON for the editor script.
		load_plugin_textdomain( 'puolesta', false, dirname( plugin_basename( __FILE__ ) ) . '/languages' );
		register_block_type( __DIR__, array( 'render_callback' => 'puolesta_render_mandate_guide' ) );
		wp_set_script_translations( 'puolesta-mandate-guide-editor-script', 'puolesta', __DIR__ . '/languages' );
		wp_add_inline_script(
			'puolesta-mandate-guide-editor-script',
			'window.puolestaEditor = ' . wp_json_encode(
				array(
					'catalogue'    => plugins_url( 'assets/' . PUOLESTA_FILES_VERSION . '/mandate-themes.json', __FILE__ ),
					'siteLanguage' => puolesta_site_language(),
				)
			) . ';',
			'before'
		);
	}
);

// SRI and defer on the pinned file: WordPress 6.1 has no API for SRI, and its wp_register_script() has none for
// defer (6.3's array('strategy' => 'defer') would read as "in the footer" there), so the tag is completed here.
add_filter(
	'script_loader_tag',
	function ( $tag, $handle ) {
		if ( 'puolesta' !== $handle ) {
			return $tag;
		}
		$integrity = puolesta_integrity( puolesta_script_file() );
		if ( ! $integrity ) {
			return $tag;
		}
		$defer = preg_match( '/<script [^>]*\bdefer\b/', $tag ) ? '' : 'defer ';
		return preg_replace( '/<script (?=[^>]*\bsrc=)/', '<script integrity="' . esc_attr( $integrity ) . '" crossorigin="anonymous" ' . $defer, $tag, 1 );
	},
	10,
	2
);

// The same for the stylesheet: a file with the wrong bytes is not applied.
add_filter(
	'style_loader_tag',
	function ( $tag, $handle ) {
		if ( 'puolesta-guide' !== $handle ) {
			return $tag;
		}
		$integrity = puolesta_integrity( 'puolesta-guide.css' );
		if ( ! $integrity ) {
			return $tag;
		}
		return preg_replace( '/<link (?=[^>]*\bhref=)/', '<link integrity="' . esc_attr( $integrity ) . '" crossorigin="anonymous" ', $tag, 1 );
	},
	10,
	2
);

/** Whether the main query's posts carry the block or a raw <mandate-guide> (Custom HTML block). */
function puolesta_page_has_guide() {
	global $wp_query;
	foreach ( isset( $wp_query->posts ) ? $wp_query->posts : array() as $post ) {
		if ( $post instanceof WP_Post && ( has_block( 'puolesta/mandate-guide', $post ) || false !== stripos( $post->post_content, '<mandate-guide' ) ) ) {
			return true;
		}
	}
	return false;
}

/**
 * Front end: the script in the head on pages whose content has the guide (a classic theme renders content after
 * the head, so enqueueing from the render callback alone would land in the footer), and on no other page. The
 * block's "script" in block.json is what puts the element into the editor canvas; on the front end WordPress
 * (classic themes) would enqueue it on every page, which a page without the guide must not pay for. A guide in a
 * widget or template still gets it from the render callback (in the footer).
 */
add_action(
	'wp_enqueue_scripts',
	function () {
		if ( puolesta_page_has_guide() ) {
			wp_enqueue_script( 'puolesta' );
			wp_enqueue_style( 'puolesta-guide' );
		} else {
			wp_dequeue_script( 'puolesta' );
		}
	},
	PHP_INT_MAX
);

/**
 * Server render: the element with escaped attributes, the guide pre-rendered as declarative shadow DOM (exactly
 * what prerenderGuide() in src/core/prerender.ts gives, so the page shows the guide before and without the script,
 * and the element renders into the same root), and a no-JS fallback paragraph in the site language. A render
 * callback's output is not filtered by KSES, which would drop the <template>.
 */
function puolesta_render_mandate_guide( $attributes ) {
	// Already in the head when found above; else (widgets, templates) the footer.
	wp_enqueue_script( 'puolesta' );
	wp_enqueue_style( 'puolesta-guide' );

	$attrs = array();
	$theme = isset( $attributes['theme'] ) ? trim( (string) $attributes['theme'] ) : '';
	$slugs = array();
	if ( '' !== $theme && puolesta_valid_theme_list( $theme ) ) {
		$slugs          = preg_split( '/\s+/', $theme );
		$attrs['theme'] = implode( ' ', $slugs );
	}
	if ( isset( $attributes['principal'] ) && in_array( $attributes['principal'], PUOLESTA_PRINCIPALS, true ) ) {
		$attrs['principal'] = $attributes['principal'];
	}
	if ( isset( $attributes['situation'] ) && in_array( $attributes['situation'], PUOLESTA_SITUATIONS, true ) ) {
		$attrs['situation'] = $attributes['situation'];
	}
	$level = isset( $attributes['headingLevel'] ) ? (int) $attributes['headingLevel'] : 2;
	if ( $level >= 3 && $level <= 6 ) {
		$attrs['heading-level'] = (string) $level;
	}

	// The language the element speaks, written on it, so its text, the fallback and the script file agree.
	$lang          = puolesta_site_language() ? puolesta_site_language() : 'fi';
	$attrs['lang'] = $lang;

	$html = '<mandate-guide ' . get_block_wrapper_attributes();
	foreach ( $attrs as $name => $value ) {
		$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	return $html . '>' . puolesta_prerendered( $slugs, $attrs, $lang, $level ) . puolesta_fallback_paragraph( $slugs, $lang ) . '</mandate-guide>';
}

/**
 * The declarative shadow root for these settings, or '' when the guide cannot be pre-rendered (a theme the
 * release's pack does not have, no pack): the plain element then works as before. The themes as the
 * element reads its theme attribute: slugs, lower case, duplicates dropped, at most 8 (parseThemeList()).
 */
function puolesta_prerendered( $ids, $attrs, $lang, $level ) {
	$pack = puolesta_prerender_pack();
	if ( null === $pack ) {
		return '';
	}
	$slugs = array();
	foreach ( $ids as $id ) {
		$slug = strtolower( preg_replace( '~^https?://valtuusrekisteri\.suomi\.fi/~i', '', $id ) );
		if ( ! in_array( $slug, $slugs, true ) && count( $slugs ) < 8 ) {
			$slugs[] = $slug;
		}
	}
	$html = \Puolesta\Prerender::guide(
		$pack,
		array(
			'locale'       => $lang,
			'themes'       => $slugs,
			'principal'    => isset( $attrs['principal'] ) ? $attrs['principal'] : '',
			'situation'    => isset( $attrs['situation'] ) ? $attrs['situation'] : '',
			'headingLevel' => $level >= 2 && $level <= 6 ? $level : 2,
			'folder'       => puolesta_asset_folder(),
		)
	);
	return null === $html ? '' : $html;
}

// wptexturize() would turn the guide's straight quotes into curly ones (an English theme's "assignor's"), so the
// pre-rendered text would differ from what the element renders over it. The guide's text is the element's own.
add_filter(
	'no_texturize_tags',
	function ( $tags ) {
		$tags[] = 'mandate-guide';
		return $tags;
	}
);

/**
 * The one no-JS fallback text (data/fallback-texts.json, shared with the snippet builder and the Drupal module;
 * copied into the plugin by npm run build): language => key => text. Null when the file is missing or broken.
 */
function puolesta_fallback_texts() {
	static $texts = false;
	if ( false === $texts ) {
		$path  = __DIR__ . '/data/fallback-texts.json';
		$data  = is_readable( $path ) ? json_decode( (string) file_get_contents( $path ), true ) : null;
		$texts = null;
		if ( is_array( $data ) ) {
			$texts = array();
			foreach ( array( 'fi', 'sv', 'en' ) as $lang ) {
				foreach ( array( 'intro', 'one', 'many', 'and', 'ptv', 'where', 'service', 'href' ) as $key ) {
					if ( ! isset( $data[ $lang ][ $key ] ) || ! is_string( $data[ $lang ][ $key ] ) ) {
						$texts = null;
						break 2;
					}
					$texts[ $lang ][ $key ] = $data[ $lang ][ $key ];
				}
			}
		}
	}
	return $texts;
}

/** Escapes a text and puts HTML in place of its one placeholder. */
function puolesta_fill( $text, $placeholder, $html ) {
	$parts = explode( $placeholder, $text, 2 );
	return 2 === count( $parts ) ? esc_html( $parts[0] ) . $html . esc_html( $parts[1] ) : esc_html( $text ) . ' ' . $html;
}

/**
 * Shown without JavaScript, and by the element again when a theme cannot be found. It claims no more than is
 * sure: a mandate *may* be needed. Names are joined as "a, b ja c".
 */
function puolesta_fallback_paragraph( $slugs, $lang ) {
	$texts = puolesta_fallback_texts();
	if ( null === $texts ) {
		return ''; // an install without the build's data/: the element still renders and speaks for itself
	}
	$words = $texts[ $lang ];
	$names = puolesta_theme_names();
	$written = array();
	foreach ( $slugs as $id ) {
		$slug  = preg_replace( '~^https?://valtuusrekisteri\.suomi\.fi/~i', '', $id );
		$known = isset( $names[ strtolower( $slug ) ] ) ? $names[ strtolower( $slug ) ] : array();
		if ( isset( $known[ $lang ] ) ) {
			$written[] = '<strong>' . esc_html( $known[ $lang ] ) . '</strong>';
		} elseif ( isset( $known['fi'] ) ) { // never an invented translation: the Finnish name, marked as such
			$written[] = '<span lang="fi"><strong>' . esc_html( $known['fi'] ) . '</strong></span>';
		}
	}
	$out = array( esc_html( $words['intro'] ) );
	if ( $written ) {
		$last = array_pop( $written );
		$list = $written ? implode( ', ', $written ) . ' ' . esc_html( $words['and'] ) . ' ' . $last : $last;
		$out[] = puolesta_fill( $written ? $words['many'] : $words['one'], '{names}', $list );
	}
	$out[] = puolesta_fill( $words['where'], '{service}', '<a href="' . esc_url( $words['href'] ) . '">' . esc_html( $words['service'] ) . '</a>' );
	return '<p>' . implode( ' ', $out ) . '</p>';
}

/**
 * Custom HTML blocks: users without unfiltered_html (Authors, Contributors; on multisite everyone but Super
 * Admins; everyone with DISALLOW_UNFILTERED_HTML) have their posts passed through KSES, which drops unknown
 * elements. Allow <mandate-guide> with exactly the attributes that choose what it says, each value checked.
 * Not allowed: catalogue-url and ptv-base (where its data comes from is a site decision, not a post's), event
 * handlers, style and any other attribute.
 */
add_filter(
	'wp_kses_allowed_html',
	function ( $tags, $context ) {
		if ( 'post' !== $context ) {
			return $tags;
		}
		$tags['mandate-guide'] = array(
			'theme'           => array( 'value_callback' => 'puolesta_valid_theme_list' ),
			'service-channel' => array( 'value_callback' => 'puolesta_valid_guid' ),
			'service'         => array( 'value_callback' => 'puolesta_valid_guid' ),
			'principal'       => array( 'values' => PUOLESTA_PRINCIPALS ),
			'situation'       => array( 'values' => PUOLESTA_SITUATIONS ),
			'heading-level'   => array( 'values' => array( '1', '2', '3', '4', '5', '6' ) ),
			// No lang: the page loads one file for the site's language, which cannot speak another.
		);
		return $tags;
	},
	10,
	2
);
