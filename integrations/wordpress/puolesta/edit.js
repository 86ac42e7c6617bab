/* global wp */
// Block editor side of puolesta/mandate-guide, in plain browser JS on WordPress's globals (no build step).
// The preview is the real <mandate-guide>: block.json's "script" puts the plugin's pinned script into the editor
// canvas (the page itself in WordPress 6.1's post editor, the iframe in the Site Editor and in newer releases).
// Labels that the element also shows use the element's own wording, so they get its reviewed translations.
( function ( blocks, element, blockEditor, components, i18n ) {
	'use strict';
	const h = element.createElement;
	const { __, sprintf } = i18n;
	const { InspectorControls, useBlockProps, Warning } = blockEditor;
	const { PanelBody, ComboboxControl, SelectControl, Button, Notice } = components;
	const config = window.puolestaEditor || {};
	const MAX_THEMES = 8; // the element reads at most 8

	// Theme names in the editor user's language (the admin <html lang> is the user's locale).
	const userLang = ( document.documentElement.lang || 'en' ).slice( 0, 2 );
	const nameLang = [ 'fi', 'sv', 'en' ].includes( userLang ) ? userLang : 'en';
	const nameOf = ( theme ) => ( theme.n && ( theme.n[ nameLang ] || theme.n.fi || theme.n.en ) ) || theme.s;

	let catalogue; // one fetch per editor session, shared by every block
	const loadCatalogue = () =>
		( catalogue =
			catalogue ||
			fetch( config.catalogue )
				.then( ( response ) => {
					if ( ! response.ok ) throw new Error( 'catalogue ' + response.status );
					return response.json();
				} )
				.then( ( data ) => data.themes ) );

	const principals = () => [
		{ value: '', label: __( 'Ask the citizen', 'puolesta' ) },
		{ value: 'person', label: __( 'Another adult', 'puolesta' ) },
		{ value: 'minor', label: __( 'A child under 18', 'puolesta' ) },
		{ value: 'company', label: __( 'A company', 'puolesta' ) },
		{ value: 'housing-company', label: __( 'A housing company', 'puolesta' ) },
		{ value: 'association', label: __( 'An association', 'puolesta' ) },
		{ value: 'foundation', label: __( 'A foundation', 'puolesta' ) },
		{ value: 'estate', label: __( 'An estate of a deceased person', 'puolesta' ) },
		{ value: 'organisation', label: __( 'Another organisation', 'puolesta' ) },
	];
	const situations = () => [
		{ value: '', label: __( 'Ask the citizen', 'puolesta' ) },
		{ value: 'on-behalf', label: __( 'I handle it for them', 'puolesta' ) },
		{ value: 'joint', label: __( 'We share the matter, and I handle it', 'puolesta' ) },
		// Not a citizen's answer: the service's own rule (the guide never offers it), so the editor's wording.
		{ value: 'alone', label: __( 'This service lets one person handle a shared matter alone', 'puolesta' ) },
	];

	function Edit( { attributes, setAttributes } ) {
		const [ themes, setThemes ] = element.useState( null );
		const [ failed, setFailed ] = element.useState( false );
		element.useEffect( () => {
			loadCatalogue().then( setThemes, () => setFailed( true ) );
		}, [] );

		const chosen = attributes.theme.split( /\s+/ ).filter( Boolean );
		// A theme id the catalogue does not know (typed in the code editor, or removed from Suomi.fi): say so here,
		// not only in the preview, which tells citizens politely that it cannot find the theme.
		const unknown = themes ? chosen.filter( ( slug ) => ! themes.some( ( t ) => t.s === slug.replace( /^https?:\/\/valtuusrekisteri\.suomi\.fi\//i, '' ).toLowerCase() ) ) : [];
		const bySlug = new Map( ( themes || [] ).map( ( t ) => [ t.s, t ] ) );
		const label = ( slug ) => ( bySlug.has( slug ) ? nameOf( bySlug.get( slug ) ) : slug );
		const setChosen = ( list ) => setAttributes( { theme: list.join( ' ' ) } );
		const options = ( themes || [] )
			.filter( ( t ) => ! chosen.includes( t.s ) )
			.map( ( t ) => ( { value: t.s, label: nameOf( t ) } ) )
			.sort( ( a, b ) => a.label.localeCompare( b.label, nameLang ) );

		// The element itself, remounted when a choice changes so the preview starts as a visitor would see it.
		const preview = {
			key: [ attributes.theme, attributes.principal, attributes.situation, attributes.headingLevel ].join( '|' ),
			theme: attributes.theme || undefined,
			principal: attributes.principal || undefined,
			situation: attributes.situation || undefined,
			'heading-level': attributes.headingLevel !== 2 ? String( attributes.headingLevel ) : undefined,
			lang: config.siteLanguage || 'fi', // as the server renders it: the site's language, not the editor user's
		};

		return h(
			element.Fragment,
			null,
			h(
				InspectorControls,
				null,
				h(
					PanelBody,
					{ title: __( 'Mandate theme', 'puolesta' ) },
					failed && h( Notice, { status: 'error', isDismissible: false }, __( 'The list of mandate themes could not be loaded.', 'puolesta' ) ),
					chosen.length > 0 &&
						h(
							'ul',
							{ className: 'puolesta-chosen-themes' },
							chosen.map( ( slug ) =>
								h(
									'li',
									{ key: slug },
									label( slug ),
									' ',
									h( Button, {
										variant: 'link',
										isDestructive: true,
										text: __( 'Remove', 'puolesta' ),
										label: sprintf( /* translators: %s: mandate theme name */ __( 'Remove %s', 'puolesta' ), label( slug ) ),
										onClick: () => setChosen( chosen.filter( ( s ) => s !== slug ) ),
									} )
								)
							)
						),
					h( ComboboxControl, {
						label: chosen.length ? __( 'Add another mandate theme', 'puolesta' ) : __( 'Choose the mandate theme', 'puolesta' ),
						help: __( 'Type part of the name, as in Suomi.fi.', 'puolesta' ),
						value: null,
						options: chosen.length < MAX_THEMES ? options : [],
						onChange: ( slug ) => slug && setChosen( chosen.concat( slug ) ),
					} )
				),
				h(
					PanelBody,
					{ title: __( 'Questions', 'puolesta' ) },
					h( SelectControl, {
						label: __( 'Whose matter is it?', 'puolesta' ),
						value: attributes.principal,
						options: principals(),
						onChange: ( value ) => setAttributes( { principal: value } ),
					} ),
					h( SelectControl, {
						label: __( 'How is the matter handled?', 'puolesta' ),
						value: attributes.situation,
						options: situations(),
						onChange: ( value ) => setAttributes( { situation: value } ),
					} ),
					h( SelectControl, {
						label: __( 'Heading level', 'puolesta' ),
						value: String( attributes.headingLevel ),
						options: [ 2, 3, 4, 5, 6 ].map( ( n ) => ( { value: String( n ), label: 'H' + n } ) ),
						onChange: ( value ) => setAttributes( { headingLevel: Number( value ) } ),
					} )
				)
			),
			h(
				'div',
				useBlockProps(),
				unknown.length > 0 &&
					h(
						Warning,
						null,
						sprintf(
							/* translators: %s: mandate theme ids */
							__( 'Not a mandate theme in Suomi.fi: %s. Choose the theme again in the block settings.', 'puolesta' ),
							unknown.join( ', ' )
						)
					),
				! attributes.theme &&
					h( Warning, null, __( 'Choose the mandate theme in the block settings.', 'puolesta' ) ),
				h( 'mandate-guide', preview )
			)
		);
	}

	blocks.registerBlockType( 'puolesta/mandate-guide', {
		title: __( 'Mandate guide', 'puolesta' ),
		description: __( 'Tells citizens whether they need a Suomi.fi mandate for this service, which mandate theme, and how to get it.', 'puolesta' ),
		edit: Edit,
		save: () => null, // rendered on the server (puolesta.php), so the markup follows plugin updates
	} );
} )( wp.blocks, wp.element, wp.blockEditor, wp.components, wp.i18n );
