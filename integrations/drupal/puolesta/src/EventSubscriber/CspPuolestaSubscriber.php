<?php

declare(strict_types=1);

namespace Drupal\puolesta\EventSubscriber;

use Drupal\Core\Config\ConfigFactoryInterface;
use Drupal\Core\Render\AttachmentsInterface;
use Drupal\csp\CspEvents;
use Drupal\csp\Event\PolicyAlterEvent;
use Drupal\puolesta\GuideMarkup;
use Symfony\Component\EventDispatcher\EventSubscriberInterface;

/**
 * Adds the CSP sources a page with the mandate guide needs.
 *
 * Same shape as the CSP subscribers of Helsinki's platform: it listens to the
 * csp module's policy-alter event and appends with fallbackAwareAppendIfEnabled,
 * so a directive the site has switched off stays off. Unlike a fixed host
 * list, the sources follow the settings (the files' folder) and only pages
 * that carry the guide get them; what the guide will fetch is told by the
 * name of the library the block attaches (puolesta/guide[.<lang>][.catalogue|.ptv];
 * see GuideMarkup::library()); a pre-rendered guide's stylesheet (style-src)
 * by its html_head key (GuideMarkup::STYLESHEET_HEAD_KEY).
 *
 * Without the csp module it subscribes to nothing, and nothing here runs.
 */
final class CspPuolestaSubscriber implements EventSubscriberInterface {

  public function __construct(
    private readonly ConfigFactoryInterface $configFactory,
  ) {
  }

  /**
   * {@inheritdoc}
   */
  public static function getSubscribedEvents(): array {
    // class_exists() autoloads only when the csp module is installed.
    return class_exists(CspEvents::class) ? [CspEvents::POLICY_ALTER => 'policyAlter'] : [];
  }

  /**
   * Appends script-src (connect-src, style-src when needed) for guide pages.
   */
  public function policyAlter(PolicyAlterEvent $event): void {
    $response = $event->getResponse();
    if (!$response instanceof AttachmentsInterface) {
      return;
    }
    $catalogue = $ptv = $guide = FALSE;
    foreach ($response->getAttachments()['library'] ?? [] as $library) {
      $needs = GuideMarkup::libraryNeeds($library);
      if ($needs !== NULL) {
        $guide = TRUE;
        $catalogue = $catalogue || $needs['catalogue'];
        $ptv = $ptv || $needs['ptv'];
      }
    }
    if (!$guide) {
      return;
    }
    // A pre-rendered guide attaches its stylesheet link to the head.
    $stylesheet = FALSE;
    foreach ($response->getAttachments()['html_head'] ?? [] as $item) {
      $stylesheet = $stylesheet || (($item[1] ?? NULL) === GuideMarkup::STYLESHEET_HEAD_KEY);
    }
    $base = GuideMarkup::baseUrl($this->configFactory->get('puolesta.settings')->get('base_url'));
    if ($base === NULL) {
      return;
    }
    $sources = GuideMarkup::cspSources($base, $catalogue, $ptv, $stylesheet);
    $policy = $event->getPolicy();
    foreach ($sources as $directive => $values) {
      $policy->fallbackAwareAppendIfEnabled($directive, $values);
    }
  }

}
