import {css} from 'lit';

export const guideStyles = css`
  .guide {
    max-width: 48rem;
  }
  .guide > .heading:first-child {
    margin-top: 0;
  }
  p {
    margin: 0 0 var(--_s2);
  }
  .notice {
    border-left: 5px solid var(--_info);
    background: var(--_surface);
    padding: var(--_s2) var(--_s3);
  }
  .questions {
    margin: var(--_s3) 0;
  }
  .invalid {
    border-left: 4px solid var(--_alert);
    padding-left: var(--_s3);
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_s1) var(--_s3);
    margin: var(--_s3) 0;
  }
  .summary p {
    flex: 1 1 20rem;
    margin: 0;
  }
  .answer-item {
    display: block;
  }
  .muted {
    color: var(--_muted);
  }
  .verdict {
    border-left: 6px solid var(--_brand);
    background: var(--_surface);
    padding: var(--_s2) var(--_s4);
    margin: var(--_s3) 0;
  }
  /* Focus moves here after "Show guidance"; ring it in every engine, not only where :focus-visible matches. */
  .verdict:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .verdict.not-needed {
    border-left-color: var(--_success);
  }
  .verdict p:last-child {
    margin: 0;
  }
  .headline {
    font-size: 1.15em;
  }
  .choose {
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_brand);
    padding: var(--_s2) var(--_s4) var(--_s3);
    margin: var(--_s3) 0;
  }
  .choose > .heading,
  .theme .heading {
    margin-top: 0;
  }
  .theme {
    margin: var(--_s2) 0;
  }
  .theme-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_s2);
  }
  .theme-line .heading {
    margin: 0;
  }
  .copy-status {
    color: var(--_muted);
    font-weight: 600;
  }
  .eyebrow {
    text-transform: uppercase;
    letter-spacing: 0.05em;
    font-size: 0.8em;
    color: var(--_muted);
    margin: 0;
  }
  .note {
    font-style: italic;
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_s2) var(--_s4);
    margin: 0;
  }
  .cta {
    display: inline-block;
    padding: var(--_s2) var(--_s3);
    background: var(--_brand);
    color: var(--_on-brand);
    font-weight: 600;
    text-decoration: none;
    border-radius: var(--_radius);
  }
  ol,
  ul {
    padding-left: 1.4em;
    margin: 0 0 var(--_s2);
  }
  li {
    margin-bottom: var(--_s1);
  }
  details {
    border-top: 1px solid var(--_border);
  }
  details:last-child {
    border-bottom: 1px solid var(--_border);
  }
  .details-body {
    padding: 0 0 var(--_s2);
  }
  .heading {
    hyphens: auto;
  }
  @media (forced-colors: active) {
    .verdict, .choose, .notice, .option, .cta {
      border: 1px solid CanvasText;
    }
    .option:has(input:checked) {
      border: 3px solid Highlight;
    }
  }
`;
