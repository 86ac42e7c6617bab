<?php

declare(strict_types=1);

namespace Drupal\puolesta\Form;

use Drupal\Core\Cache\Cache;
use Drupal\Core\Form\ConfigFormBase;
use Drupal\Core\Form\FormStateInterface;
use Drupal\puolesta\GuideMarkup;

/**
 * Where the Puolesta files are served from, and which release.
 */
final class SettingsForm extends ConfigFormBase {

  /**
   * {@inheritdoc}
   */
  public function getFormId(): string {
    return 'puolesta_settings';
  }

  /**
   * {@inheritdoc}
   */
  protected function getEditableConfigNames(): array {
    return ['puolesta.settings'];
  }

  /**
   * {@inheritdoc}
   */
  public function buildForm(array $form, FormStateInterface $form_state): array {
    $config = $this->config('puolesta.settings');
    $versions = array_keys($this->releases());
    $form['base_url'] = [
      '#type' => 'textfield',
      '#title' => $this->t('Folder of the Puolesta releases'),
      '#description' => $this->t('A path on this site such as <code>/libraries/puolesta/</code> (copy <code>dist/cdn/&lt;version&gt;/</code> there), or an https address of your organisation. Files on another host must be sent with <code>Access-Control-Allow-Origin</code>, because the script is loaded with <code>crossorigin</code>.'),
      '#default_value' => $config->get('base_url'),
      '#required' => TRUE,
    ];
    $form['version'] = [
      '#type' => 'select',
      '#title' => $this->t('Release'),
      '#description' => $this->t('Only releases whose integrity values this module carries can be chosen; a file that does not match them is not run, and the guide’s text without JavaScript stays.'),
      '#options' => array_combine($versions, $versions),
      '#default_value' => $config->get('version'),
      '#required' => TRUE,
    ];
    $form['per_language'] = [
      '#type' => 'checkbox',
      '#title' => $this->t('On Finnish, Swedish and English pages, load the smaller one-language file'),
      '#default_value' => $config->get('per_language'),
    ];
    return parent::buildForm($form, $form_state);
  }

  /**
   * {@inheritdoc}
   */
  public function validateForm(array &$form, FormStateInterface $form_state): void {
    if (GuideMarkup::baseUrl($form_state->getValue('base_url')) === NULL) {
      $form_state->setErrorByName('base_url', $this->t('Give a path on this site (starting with /) or an https address, without a query, fragment or user name.'));
    }
    if (!isset($this->releases()[$form_state->getValue('version')])) {
      $form_state->setErrorByName('version', $this->t('This module does not know that release.'));
    }
    parent::validateForm($form, $form_state);
  }

  /**
   * {@inheritdoc}
   */
  public function submitForm(array &$form, FormStateInterface $form_state): void {
    $this->config('puolesta.settings')
      ->set('base_url', GuideMarkup::baseUrl($form_state->getValue('base_url')))
      ->set('version', (string) $form_state->getValue('version'))
      ->set('per_language', (bool) $form_state->getValue('per_language'))
      ->save();
    // The library definitions are altered from these settings (puolesta.module).
    Cache::invalidateTags(['library_info']);
    parent::submitForm($form, $form_state);
  }

  /** Releases known to this module: version => file => integrity. */
  private function releases(): array {
    return GuideMarkup::releases(dirname(__DIR__, 2) . '/data/releases.json');
  }

}
