<?php

declare(strict_types=1);

use Drupal\Component\DependencyInjection\ReverseContainer;
use Drupal\Component\FileCache\FileCacheFactory;
use Drupal\Core\Asset\Exception\IncompleteLibraryDefinitionException;
use Drupal\Core\Asset\LibrariesDirectoryFileFinder;
use Drupal\Core\Asset\LibraryDependencyResolver;
use Drupal\Core\Asset\LibraryDiscoveryInterface;
use Drupal\Core\Asset\LibraryDiscoveryParser;
use Drupal\Core\Config\ConfigFactoryInterface;
use Drupal\Core\Config\ImmutableConfig;
use Drupal\Core\Extension\ExtensionPathResolver;
use Drupal\Core\Extension\ModuleExtensionList;
use Drupal\Core\Extension\ModuleHandlerInterface;
use Drupal\Core\Language\Language;
use Drupal\Core\Language\LanguageManagerInterface;
use Drupal\Core\Render\Element\HtmlTag;
use Drupal\Core\Render\HtmlResponse;
use Drupal\Core\Template\Attribute;
use Drupal\Core\StreamWrapper\StreamWrapperManagerInterface;
use Drupal\Core\StringTranslation\TranslatableMarkup;
use Drupal\Core\StringTranslation\TranslationInterface;
use Drupal\Core\Theme\ActiveTheme;
use Drupal\Core\Theme\ComponentPluginManager;
use Drupal\Core\Theme\ThemeManagerInterface;
use Drupal\Core\Utility\YamlCacheCollector;
use Drupal\csp\Csp;
use Drupal\csp\CspEvents;
use Drupal\csp\Event\PolicyAlterEvent;
use Drupal\puolesta\EventSubscriber\CspPuolestaSubscriber;
use Drupal\puolesta\Plugin\Block\MandateGuideBlock;
use PHPUnit\Framework\TestCase;
use Symfony\Component\DependencyInjection\Container;

/**
 * The module under Drupal core's own code: LibraryDiscoveryParser, BlockBase with DependencySerializationTrait,
 * and the csp module's policy-alter event. Core's collaborators are PHPUnit mocks; the rules are core's.
 */
final class CoreRulesTest extends TestCase {

  private Container $container;

  /** Translations the fake site has: English source => [langcode => text]. */
  private array $siteTranslations = [];

  /** The settings page's values. */
  private array $settings = ['base_url' => '/libraries/puolesta/', 'version' => '0.1.0', 'per_language' => TRUE];

  private string $contentLanguage = 'sv';

  protected function setUp(): void {
    $this->settings['version'] = json_decode((string) file_get_contents(dirname(__DIR__, 3) . '/package.json'), TRUE)['version'];
    $this->container = new Container();
    $this->container->set(ReverseContainer::class, new ReverseContainer($this->container));

    $config = $this->createMock(ImmutableConfig::class);
    $config->method('get')->willReturnCallback(fn (string $key) => $this->settings[$key] ?? NULL);
    $factory = $this->createMock(ConfigFactoryInterface::class);
    $factory->method('get')->with('puolesta.settings')->willReturn($config);
    $this->container->set('config.factory', $factory);

    $languages = $this->createMock(LanguageManagerInterface::class);
    $languages->method('getCurrentLanguage')->willReturnCallback(fn () => new Language(['id' => $this->contentLanguage]));
    $this->container->set('language_manager', $languages);

    $modules = $this->createMock(ModuleExtensionList::class);
    $modules->method('getPath')->with('puolesta')->willReturn(PUOLESTA_MODULE);
    $this->container->set('extension.list.module', $modules);

    $translation = $this->createMock(TranslationInterface::class);
    $translation->method('translateString')->willReturnCallback(function (TranslatableMarkup $markup): string {
      $langcode = $markup->getOption('langcode');
      return $this->siteTranslations[$markup->getUntranslatedString()][$langcode] ?? $markup->getUntranslatedString();
    });
    $this->container->set('string_translation', $translation);
    \Drupal::setContainer($this->container);
  }

  /**
   * Core's parser on the module's generated libraries file (or on $yaml written in its place), with the module's
   * hook_library_info_alter() called where core calls it. Works with core's 10.3 constructor (reads the file
   * itself) and 11.x's (reads it through the YAML cache collector).
   */
  private function parseLibraries(?array $yaml = NULL): array {
    $dir = PUOLESTA_MODULE;
    if ($yaml !== NULL) {
      $dir = sys_get_temp_dir() . '/puolesta-core-check-' . getmypid() . '/puolesta';
      @mkdir($dir, 0777, TRUE);
      file_put_contents("$dir/puolesta.libraries.yml", yaml_emit($yaml));
    }
    $moduleHandler = $this->createMock(ModuleHandlerInterface::class);
    $moduleHandler->method('moduleExists')->willReturn(TRUE);
    $moduleHandler->method('hasImplementations')->willReturn(FALSE);
    $moduleHandler->method('alter')->willReturnCallback(function ($type, &$data, &$context1 = NULL) {
      if ($type === 'library_info') {
        puolesta_library_info_alter($data, $context1);
      }
    });
    $activeTheme = $this->createMock(ActiveTheme::class);
    $activeTheme->method('getLibrariesOverride')->willReturn([]);
    $themeManager = $this->createMock(ThemeManagerInterface::class);
    $themeManager->method('getActiveTheme')->willReturn($activeTheme);
    $streams = $this->createMock(StreamWrapperManagerInterface::class);
    $streams->method('isValidUri')->willReturn(FALSE);
    $finder = $this->createMock(LibrariesDirectoryFileFinder::class);
    $finder->method('find')->willReturn(FALSE);
    $paths = $this->createMock(ExtensionPathResolver::class);
    $paths->method('getPath')->willReturn(basename($dir));
    $arguments = [dirname($dir), $moduleHandler, $themeManager, $streams, $finder, $paths, $this->createMock(ComponentPluginManager::class)];
    if (class_exists(YamlCacheCollector::class)) {
      $cache = $this->createMock(YamlCacheCollector::class);
      $cache->method('get')->willReturnCallback(fn (string $path) => yaml_parse_file($path));
      $arguments[] = $cache;
    }
    else {
      FileCacheFactory::setConfiguration([FileCacheFactory::DISABLE_CACHE => TRUE]);
    }
    return (new LibraryDiscoveryParser(...$arguments))->buildByExtension('puolesta');
  }

  public function testCoreRefusesALibraryWithoutContentAndTheWholeFileWithIt(): void {
    // What the old module's marker libraries were: core throws for the file, so no library of it loads.
    $yaml = yaml_parse_file(PUOLESTA_MODULE . '/puolesta.libraries.yml');
    $yaml['csp.ptv'] = ['version' => '0.1.0'];
    $this->expectException(IncompleteLibraryDefinitionException::class);
    $this->parseLibraries($yaml);
  }

  public function testEveryLibraryPassesCoresParser(): void {
    $libraries = $this->parseLibraries();
    $version = $this->settings['version'];
    foreach (['guide' => 'puolesta.js', 'guide.fi' => 'puolesta.fi.js', 'guide.sv' => 'puolesta.sv.js', 'guide.en' => 'puolesta.en.js'] as $name => $file) {
      $this->assertTrue($libraries[$name]['header'], "$name in <head>");
      $this->assertCount(1, $libraries[$name]['js']);
      $js = $libraries[$name]['js'][0];
      $this->assertSame("libraries/puolesta/$version/$file", $js['data'], 'served from <webroot>/libraries/puolesta/');
      $this->assertSame('file', $js['type']);
      $this->assertFalse($js['preprocess'], 'never aggregated: the integrity value is of these bytes');
      $this->assertMatchesRegularExpression('#^sha384-#', $js['attributes']['integrity']);
      $this->assertSame('anonymous', $js['attributes']['crossorigin']);
      $this->assertTrue($js['attributes']['defer']);
      // What core's JsCollectionRenderer does with a file's attributes: it adds them to an html_tag, whose
      // attributes core's Attribute class writes.
      $this->assertSame(' src="/x.js" integrity="' . $js['attributes']['integrity'] . '" crossorigin="anonymous" defer',
        (string) new Attribute(['src' => '/x.js'] + $js['attributes']), 'a boolean defer attribute on the script tag');
      foreach (['catalogue', 'ptv'] as $need) {
        $this->assertSame(["puolesta/$name"], $libraries["$name.$need"]['dependencies']);
        $this->assertSame([], $libraries["$name.$need"]['js'], 'no second copy of the file');
      }
    }

    // Core's dependency resolver: attaching a variant loads exactly its script.
    $discovery = $this->createMock(LibraryDiscoveryInterface::class);
    $discovery->method('getLibraryByName')->willReturnCallback(fn (string $extension, string $name) => $libraries[$name] ?? FALSE);
    $resolver = new LibraryDependencyResolver($discovery);
    $this->assertSame(['puolesta/guide.fi', 'puolesta/guide.fi.ptv'], $resolver->getLibrariesWithDependencies(['puolesta/guide.fi.ptv']));
  }

  public function testTheSettingsFolderMakesTheFileExternal(): void {
    $this->settings['base_url'] = 'https://static.kunta.fi/puolesta/';
    $js = $this->parseLibraries()['guide.sv']['js'][0];
    $this->assertSame('external', $js['type']);
    $this->assertSame("https://static.kunta.fi/puolesta/{$this->settings['version']}/puolesta.sv.js", $js['data']);
  }

  private function block(array $configuration): MandateGuideBlock {
    return MandateGuideBlock::create($this->container, $configuration, 'puolesta_mandate_guide', ['provider' => 'puolesta']);
  }

  public function testTheBlockSurvivesSerializationAsFormStateCachingDoesIt(): void {
    $block = $this->block(['themes' => ['ajoneuvotietojen_selvittaminen', 'veroasioiden_hoito', 'adoptiotietojen_selvittaminen']]);
    $copy = unserialize(serialize($block));
    foreach (['languageManager', 'configFactory', 'moduleList'] as $property) {
      $this->assertTrue((new \ReflectionProperty($copy, $property))->isInitialized($copy), "$property restored");
    }
    $build = $copy->build();
    $this->assertSame('sv', $build['guide']['#attributes']['lang'], 'the element speaks the content language');
    $this->assertSame(['puolesta/guide.sv.catalogue'], $build['#attached']['library'], 'its file is the Swedish one');
    $text = (string) $build['guide']['#value'];
    $this->assertStringContainsString('Fullmaktsärendena är ', $text);
    [$template, $paragraph] = explode('</template>', $text, 2) + ['', ''];
    $this->assertMatchesRegularExpression('#^<p>[^<]*Fullmaktsärendena är <strong>[^<]+</strong>, <strong>[^<]+</strong> och <strong>[^<]+</strong>\\. #u', $paragraph, 'a, b och c');
    $this->assertStringStartsWith('<template shadowrootmode="open"><link rel="stylesheet" href="/libraries/puolesta/' . $this->settings['version'] . '/puolesta-guide.css" integrity="sha384-', $template);
    $this->assertStringContainsString('>Beställning av fordonsuppgifter</span>', $template, 'the first theme\'s card, in Swedish');
  }

  public function testThePreRenderedGuideGoesThroughCoresHtmlTagAndTheHeadGetsItsStylesheet(): void {
    $build = $this->block(['themes' => ['veroasioiden_hoito'], 'principal' => 'person', 'heading_level' => 3])->build();
    // Core's html_tag pre-render: a MarkupInterface value is kept as it is (anything else goes through Xss::filterAdmin).
    $element = HtmlTag::preRenderHtmlTag($build['guide']);
    $html = $element['#prefix'] . $element['#markup'] . $element['#suffix'];
    $this->assertMatchesRegularExpression('#^<mandate-guide theme="veroasioiden_hoito" principal="person" heading-level="3" lang="sv"><template shadowrootmode="open"><link rel="stylesheet" [^>]+> <section part="container" class="guide" lang="sv"#', $html);
    $this->assertMatchesRegularExpression('#role="heading" aria-level="3" class="heading h3" part="heading" id="pg-title">Uträtta ärenden för någon annan</div>#u', $html);
    $this->assertMatchesRegularExpression('#</template><p>[^<]+#', $html, 'the no-JS paragraph after the template');
    // The head: the same stylesheet, through core's html_tag as HtmlResponseAttachmentsProcessor renders html_head.
    $this->assertCount(1, $build['#attached']['html_head']);
    [$link, $key] = $build['#attached']['html_head'][0];
    $this->assertSame('puolesta_guide_stylesheet', $key);
    $head = HtmlTag::preRenderHtmlTag($link);
    $pack = json_decode((string) file_get_contents(PUOLESTA_MODULE . "/data/prerender/{$this->settings['version']}.json"), TRUE);
    $this->assertSame('<link rel="stylesheet" href="/libraries/puolesta/' . $this->settings['version'] . '/puolesta-guide.css" integrity="' . $pack['stylesheet']['integrity'] . '" crossorigin="anonymous" />' . "\n",
      $head['#prefix'] . $head['#suffix']);
    // A PTV channel's themes come when the page runs: the plain element, no head link.
    $ptv = $this->block(['service_channel' => '0e9c7a4b-5e0d-4b54-9a86-6e2f3c8b1d22'])->build();
    $this->assertStringStartsWith('<p>', (string) $ptv['guide']['#value']);
    $this->assertArrayNotHasKey('html_head', $ptv['#attached']);
  }

  public function testTheSitesOwnTranslationOfTheFallbackWins(): void {
    $this->contentLanguage = 'fi';
    $this->siteTranslations['Mandates are requested and given in {service}.'] = ['fi' => 'Valtuudet hoidetaan palvelussa {service}.'];
    $text = (string) $this->block(['service_channel' => '0e9c7a4b-5e0d-4b54-9a86-6e2f3c8b1d22'])->build()['guide']['#value'];
    $this->assertStringContainsString('Valtuudet hoidetaan palvelussa <a href="https://www.suomi.fi/valtuudet">Suomi.fi-valtuudet</a>.', $text);
    $this->assertStringContainsString('Palvelun kuvauksessa kerrotaan', $text, 'untranslated sentences keep the module\'s Finnish');
  }

  public function testAPageInAnotherLanguageGetsOneConsistentLanguage(): void {
    $this->contentLanguage = 'de';
    $build = $this->block(['themes' => ['veroasioiden_hoito']])->build();
    $this->assertSame('fi', $build['guide']['#attributes']['lang']);
    $this->assertSame(['puolesta/guide.fi'], $build['#attached']['library']);
    $this->settings['per_language'] = FALSE;
    $this->assertSame(['puolesta/guide'], $this->block(['themes' => ['veroasioiden_hoito']])->build()['#attached']['library']);
  }

  public function testCspSubscriberAddsSourcesThroughTheCspModulesEvent(): void {
    $subscriber = new CspPuolestaSubscriber($this->container->get('config.factory'));
    $this->assertSame([CspEvents::POLICY_ALTER => 'policyAlter'], CspPuolestaSubscriber::getSubscribedEvents());

    $policy = new Csp();
    $policy->setDirective('default-src', [Csp::POLICY_SELF]);
    $response = new HtmlResponse();
    $response->setAttachments(['library' => ['core/drupal', 'puolesta/guide.fi.ptv']]);
    $subscriber->policyAlter(new PolicyAlterEvent($policy, $response));
    $header = $policy->getHeaderValue();
    $this->assertStringContainsString("connect-src 'self' https://api.palvelutietovaranto.suomi.fi", $header);

    $plain = new Csp();
    $plain->setDirective('default-src', [Csp::POLICY_SELF]);
    $other = new HtmlResponse();
    $other->setAttachments(['library' => ['core/drupal']]);
    $subscriber->policyAlter(new PolicyAlterEvent($plain, $other));
    $this->assertSame("default-src 'self'", $plain->getHeaderValue(), 'pages without the guide keep their policy');

    // A pre-rendered guide from the organisation's host: its stylesheet link is allowed (style-src, and
    // style-src-elem, which governs <link> and which the csp module's own LibraryPolicyBuilder names too).
    $this->settings['base_url'] = 'https://static.kunta.fi/puolesta/';
    $build = $this->block(['themes' => ['veroasioiden_hoito']])->build();
    $styled = new Csp();
    $styled->setDirective('default-src', [Csp::POLICY_SELF]);
    $styled->setDirective('style-src', [Csp::POLICY_SELF]);
    $page = new HtmlResponse();
    $page->setAttachments($build['#attached']);
    $subscriber->policyAlter(new PolicyAlterEvent($styled, $page));
    $header = $styled->getHeaderValue();
    $this->assertStringContainsString("style-src 'self' https://static.kunta.fi", $header);
    $this->assertStringContainsString("script-src 'self' https://static.kunta.fi", $header);
    $this->assertStringNotContainsString('style-src-elem', $header, 'the csp module leaves out a directive equal to its fallback');
    // A site whose policy has its own style-src-elem (which governs <link>): the files' origin is added there too.
    $elem = new Csp();
    $elem->setDirective('default-src', [Csp::POLICY_SELF]);
    $elem->setDirective('style-src-elem', [Csp::POLICY_SELF, Csp::POLICY_UNSAFE_INLINE]);
    $subscriber->policyAlter(new PolicyAlterEvent($elem, $page));
    $this->assertStringContainsString("style-src-elem 'self' 'unsafe-inline' https://static.kunta.fi", $elem->getHeaderValue());
    // The same guide from PTV is not pre-rendered: no style source added.
    $plainGuide = new Csp();
    $plainGuide->setDirective('default-src', [Csp::POLICY_SELF]);
    $ptvPage = new HtmlResponse();
    $ptvPage->setAttachments($this->block(['service_channel' => '0e9c7a4b-5e0d-4b54-9a86-6e2f3c8b1d22'])->build()['#attached']);
    $subscriber->policyAlter(new PolicyAlterEvent($plainGuide, $ptvPage));
    $this->assertStringNotContainsString('style-src', $plainGuide->getHeaderValue());
  }

}
