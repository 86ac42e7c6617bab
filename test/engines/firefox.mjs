// One place for how every test and benchmark launches Debian's Firefox ESR: puppeteer-core over WebDriver BiDi,
// headless (no display needed). Puppeteer's own profile already turns off updates, safe browsing, data
// reporting and most background services; the prefs below close what is left on this closed network:
// every request that is not for 127.0.0.1/localhost goes to a proxy on a closed local port (so Firefox never
// even resolves an outside name — the proxy would), DNS-over-HTTPS, prefetching and speculative connections are
// off, and the background services that phone home (captive portal and connectivity checks, telemetry,
// remote settings, add-on and GMP updates, Pocket/new-tab feeds, push) have nowhere to go.
export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export const firefoxPrefs = {
  // All outside traffic to a closed local port; loopback goes direct.
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
  'network.proxy.socks_remote_dns': true,
  // No lookups or connections of its own.
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.dns.disablePrefetchFromHTTPS': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.native_https_query': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.update.enabled': false,
  'app.update.enabled': false,
  'app.update.auto': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.archive.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'app.shield.optoutstudies.enabled': false,
  'app.normandy.enabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.snippets': false,
  'browser.newtabpage.activity-stream.default.sites': '',
  'extensions.getAddons.showPane': false,
  'extensions.htmlaboutaddons.recommendations.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'media.gmp-gmpopenh264.enabled': false,
  'media.gmp-manager.url': '',
  'dom.push.enabled': false,
  'dom.push.connection.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'geo.enabled': false,
  'identity.fxaccounts.enabled': false,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'browser.contentblocking.report.lockwise.enabled': false,
  'privacy.query_stripping.enabled': false,
  // Overlay scrollbars as on phones and in Chromium's headless mode, so a 320 px window lays out 320 CSS px.
  'ui.useOverlayScrollbars': 1,
  // Release builds ignore this unless MOZ_REMOTE_SETTINGS_DEVTOOLS is set (see the env below); without both,
  // Firefox looks up firefox.settings.services.mozilla.com at start-up.
  'services.settings.server': 'http://127.0.0.1:9/v1',
};

/** puppeteer-core launch options for Firefox (also what web-test-runner's chromeLauncher passes on). */
export const firefoxLaunchOptions = {
  browser: 'firefox',
  executablePath: firefoxPath,
  headless: true,
  extraPrefsFirefox: firefoxPrefs,
  env: {...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1'},
};
