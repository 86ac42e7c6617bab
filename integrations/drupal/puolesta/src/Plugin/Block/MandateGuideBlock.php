<?php

declare(strict_types=1);

namespace Drupal\puolesta\Plugin\Block;

use Drupal\Core\Block\Attribute\Block;
use Drupal\Core\Block\BlockBase;
use Drupal\Core\Config\ConfigFactoryInterface;
use Drupal\Core\Extension\ModuleExtensionList;
use Drupal\Core\Form\FormStateInterface;
use Drupal\Core\Language\LanguageInterface;
use Drupal\Core\Language\LanguageManagerInterface;
use Drupal\Core\Plugin\ContainerFactoryPluginInterface;
use Drupal\Core\Render\Markup;
use Drupal\Core\StringTranslation\TranslatableMarkup;
use Drupal\puolesta\GuideMarkup;
use Drupal\puolesta\Prerender;
use Symfony\Component\DependencyInjection\ContainerInterface;

/**
 * The <mandate-guide> element as a block.
 *
 * Editors choose the theme by name from a list; the element, its attributes,
 * the no-JS paragraph, the pinned script and the CSP sources are the
 * module's job, so nothing is pasted into the text format (CKEditor 5 drops
 * scripts and unknown tags there).
 */
#[Block(
  id: 'puolesta_mandate_guide',
  admin_label: new TranslatableMarkup('Mandate guide (Suomi.fi-valtuudet)'),
  category: new TranslatableMarkup('Puolesta'),
)]
final class MandateGuideBlock extends BlockBase implements ContainerFactoryPluginInterface {

  /*
   * Services are protected and not readonly: core's DependencySerializationTrait
   * (used by PluginBase) stores them as service ids when the block is
   * serialized (form-state caching, Layout Builder's AJAX forms) and sets them
   * again on unserialize, from PluginBase's scope. It cannot see private
   * properties of this class, nor set readonly ones.
   */

  /** The language manager. */
  protected LanguageManagerInterface $languageManager;

  /** The config factory. */
  protected ConfigFactoryInterface $configFactory;

  /** The module list, for this module's folder. */
  protected ModuleExtensionList $moduleList;

  /** Catalogue records by slug, read once per request. */
  protected ?array $catalogue = NULL;

  public function __construct(
    array $configuration,
    $plugin_id,
    $plugin_definition,
    LanguageManagerInterface $language_manager,
    ConfigFactoryInterface $config_factory,
    ModuleExtensionList $module_list,
  ) {
    parent::__construct($configuration, $plugin_id, $plugin_definition);
    $this->languageManager = $language_manager;
    $this->configFactory = $config_factory;
    $this->moduleList = $module_list;
  }

  /**
   * {@inheritdoc}
   */
  public static function create(ContainerInterface $container, array $configuration, $plugin_id, $plugin_definition): static {
    return new static(
      $configuration,
      $plugin_id,
      $plugin_definition,
      $container->get('language_manager'),
      $container->get('config.factory'),
      $container->get('extension.list.module'),
    );
  }

  /**
   * {@inheritdoc}
   */
  public function defaultConfiguration(): array {
    return [
      'themes' => [],
      'service_channel' => '',
      'principal' => '',
      'situation' => '',
      'heading_level' => GuideMarkup::DEFAULT_HEADING_LEVEL,
    ] + parent::defaultConfiguration();
  }

  /**
   * {@inheritdoc}
   */
  public function blockForm($form, FormStateInterface $form_state): array {
    $lang = $this->pageLanguage();
    $form['themes'] = [
      '#type' => 'select',
      '#title' => $this->t('Mandate theme'),
      '#description' => $this->t('The theme the service checks, by its official name. Up to @max. A name known only in Finnish is marked (fi).', ['@max' => GuideMarkup::MAX_THEMES]),
      '#options' => $this->themeOptions($lang),
      '#multiple' => TRUE,
      '#size' => 10,
      '#default_value' => $this->configuration['themes'],
    ];
    $form['service_channel'] = [
      '#type' => 'textfield',
      '#title' => $this->t('Or: PTV service channel id'),
      '#description' => $this->t('The guide then reads the themes from the service description in PTV (the page then also connects to the PTV API).'),
      '#default_value' => $this->configuration['service_channel'],
      '#maxlength' => 36,
    ];
    $form['principal'] = [
      '#type' => 'select',
      '#title' => $this->t('Whose matter is it?'),
      '#options' => [
        '' => $this->t('Let the citizen answer'),
        'person' => $this->t('An adult'),
        'minor' => $this->t('A child'),
        'company' => $this->t('A company'),
        'housing-company' => $this->t('A housing company'),
        'association' => $this->t('An association'),
        'foundation' => $this->t('A foundation'),
        'estate' => $this->t('An estate of a deceased person'),
        'organisation' => $this->t('Another organisation'),
      ],
      '#default_value' => $this->configuration['principal'],
    ];
    $form['situation'] = [
      '#type' => 'select',
      '#title' => $this->t('How is it handled?'),
      '#options' => [
        '' => $this->t('Let the citizen answer'),
        'on-behalf' => $this->t('For them'),
        'joint' => $this->t('Shared, and I handle it'),
        'alone' => $this->t('This service lets one person handle a shared matter alone'),
      ],
      '#default_value' => $this->configuration['situation'],
    ];
    $form['heading_level'] = [
      '#type' => 'select',
      '#title' => $this->t('Heading level'),
      '#description' => $this->t('The level of the guide’s own heading; its sub-headings follow.'),
      '#options' => array_combine(range(2, 6), array_map(fn (int $level) => "h$level", range(2, 6))),
      '#default_value' => $this->configuration['heading_level'],
    ];
    return $form;
  }

  /**
   * {@inheritdoc}
   */
  public function blockValidate($form, FormStateInterface $form_state): void {
    $themes = array_values(array_filter((array) $form_state->getValue('themes')));
    $parsed = GuideMarkup::parseThemes($themes);
    if ($parsed['invalid']) {
      $form_state->setErrorByName('themes', $this->t('Not a mandate theme id: %ids.', ['%ids' => implode(', ', $parsed['invalid'])]));
    }
    if (count($themes) > GuideMarkup::MAX_THEMES) {
      $form_state->setErrorByName('themes', $this->t('Choose at most @max themes.', ['@max' => GuideMarkup::MAX_THEMES]));
    }
    $channel = trim((string) $form_state->getValue('service_channel'));
    if ($channel !== '' && GuideMarkup::serviceChannel($channel) === NULL) {
      $form_state->setErrorByName('service_channel', $this->t('A PTV service channel id looks like 8-4-4-4-12 hexadecimal digits.'));
    }
    if (!$themes && $channel === '') {
      $form_state->setErrorByName('themes', $this->t('Choose a mandate theme or give a PTV service channel id.'));
    }
    $principal = (string) $form_state->getValue('principal');
    if ($principal !== '' && GuideMarkup::principal($principal) === NULL) {
      $form_state->setErrorByName('principal', $this->t('Choose one of the listed answers.'));
    }
    $situation = (string) $form_state->getValue('situation');
    if ($situation !== '' && GuideMarkup::situation($situation) === NULL) {
      $form_state->setErrorByName('situation', $this->t('Choose one of the listed answers.'));
    }
    if (GuideMarkup::headingLevel($form_state->getValue('heading_level')) === NULL) {
      $form_state->setErrorByName('heading_level', $this->t('The heading level is 2 to 6.'));
    }
  }

  /**
   * {@inheritdoc}
   */
  public function blockSubmit($form, FormStateInterface $form_state): void {
    $this->configuration['themes'] = GuideMarkup::parseThemes(array_values(array_filter((array) $form_state->getValue('themes'))))['slugs'];
    $this->configuration['service_channel'] = (string) GuideMarkup::serviceChannel($form_state->getValue('service_channel'));
    $this->configuration['principal'] = (string) GuideMarkup::principal($form_state->getValue('principal'));
    $this->configuration['situation'] = (string) GuideMarkup::situation($form_state->getValue('situation'));
    $this->configuration['heading_level'] = GuideMarkup::headingLevel($form_state->getValue('heading_level')) ?? GuideMarkup::DEFAULT_HEADING_LEVEL;
  }

  /**
   * {@inheritdoc}
   */
  public function build(): array {
    // The language the element speaks, written on it: its no-JS paragraph and
    // its script file follow the same language.
    $lang = GuideMarkup::guideLanguage($this->pageLanguage());
    $attributes = GuideMarkup::attributes($this->configuration);
    $settings = $this->configFactory->get('puolesta.settings');

    // One-language file (smaller), or the file with all three.
    $library = GuideMarkup::library(
      $settings->get('per_language') ? $lang : NULL,
      !isset($attributes['service-channel']) && GuideMarkup::needsCatalogue(explode(' ', $attributes['theme'] ?? ''), $this->bundledSlugs()),
      isset($attributes['service-channel']),
    );
    $fallback = GuideMarkup::fallbackHtml(
      $attributes,
      $this->catalogue(),
      $lang,
      GuideMarkup::texts($this->dataPath('fallback-texts.json')),
      // The site's own translation of the English text wins (Interface
      // translation, or the module's translations/*.po); else the module's text.
      fn (string $english, string $language): string => (string) $this->t($english, [], [
        'langcode' => $language,
        'context' => GuideMarkup::TRANSLATION_CONTEXT,
      ]),
    );

    // The guide pre-rendered as declarative shadow DOM from the release's pack,
    // so the page shows it before (and without) the script; the element then
    // renders into the same root. NULL for a PTV channel or a theme the pack
    // lacks: the plain element, as before.
    $version = (string) $settings->get('version');
    $prerendered = GuideMarkup::prerendered(
      $attributes,
      $lang,
      preg_match('/^\d+\.\d+\.\d+$/', $version) ? Prerender::load($this->dataPath("prerender/$version.json")) : NULL,
      GuideMarkup::releaseFolder($settings->get('base_url'), $version),
      $version,
    );
    $attached = ['library' => [$library]];
    if ($prerendered) {
      // The same stylesheet in <head>: every engine styles the pre-rendered
      // guide at first paint. The CSP subscriber adds style-src for it.
      $attached['html_head'][] = [
        [
          '#type' => 'html_tag',
          '#tag' => 'link',
          '#attributes' => [
            'rel' => 'stylesheet',
            'href' => $prerendered['stylesheet']['href'],
            'integrity' => $prerendered['stylesheet']['integrity'],
            'crossorigin' => 'anonymous',
          ],
        ],
        GuideMarkup::STYLESHEET_HEAD_KEY,
      ];
    }

    return [
      'guide' => [
        '#type' => 'html_tag',
        '#tag' => 'mandate-guide',
        // Drupal's Attribute class escapes every value.
        '#attributes' => $attributes + ['lang' => $lang],
        // The template is the build's escaped HTML put together by Prerender
        // (tested byte for byte against the element's own prerenderGuide());
        // the paragraph is escaped by GuideMarkup::fallbackHtml() (tested).
        '#value' => Markup::create(($prerendered['template'] ?? '') . '<p>' . $fallback . '</p>'),
      ],
      '#attached' => $attached,
      '#cache' => [
        'contexts' => ['languages:' . LanguageInterface::TYPE_CONTENT],
        'tags' => ['config:puolesta.settings', 'locale'],
      ],
    ];
  }

  /** The language the page's content is in. */
  private function pageLanguage(): string {
    return $this->languageManager->getCurrentLanguage(LanguageInterface::TYPE_CONTENT)->getId();
  }

  /**
   * Theme names for the select, in the site language, sorted by name.
   *
   * @return array<string, string>
   */
  private function themeOptions(string $langcode): array {
    $lang = GuideMarkup::locale($langcode) ?? 'fi';
    $options = [];
    foreach ($this->catalogue() as $slug => $record) {
      $name = GuideMarkup::themeName($record, $lang);
      // A theme without a known name is still offered, by its id.
      $options[$slug] = $name === NULL ? $slug : ($name['lang'] === $lang ? $name['text'] : $name['text'] . ' (' . $name['lang'] . ')');
    }
    natcasesort($options);
    return $options;
  }

  /** The catalogue shipped with the module (generated from the release). */
  private function catalogue(): array {
    if ($this->catalogue === NULL) {
      $data = $this->readData('themes.json');
      $this->catalogue = [];
      foreach ($data['themes'] ?? [] as $record) {
        if (is_array($record) && is_string($record['s'] ?? NULL) && GuideMarkup::themeSlug($record['s']) === $record['s']) {
          $this->catalogue[$record['s']] = $record;
        }
      }
    }
    return $this->catalogue;
  }

  /** Slugs bundled in the script: other themes make the guide read the full catalogue. */
  private function bundledSlugs(): array {
    return array_values(array_filter($this->readData('themes.json')['bundled'] ?? [], 'is_string'));
  }

  private function dataPath(string $file): string {
    return $this->moduleList->getPath('puolesta') . '/data/' . $file;
  }

  private function readData(string $file): array {
    $path = $this->dataPath($file);
    $data = is_readable($path) ? json_decode((string) file_get_contents($path), TRUE) : NULL;
    return is_array($data) ? $data : [];
  }

}
