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
  .fallback:empty {
    display: none;
  }
  .questions {
    margin: var(--_s3) 0;
  }
  fieldset {
    margin: 0 0 var(--_s4);
  }
  .option .label {
    font-weight: 600;
  }
  .theme {
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_brand);
    padding: var(--_s3) var(--_s4);
    margin: var(--_s4) 0;
    background: var(--_bg);
  }
  .theme .heading {
    margin-top: 0;
  }
  .eyebrow {
    text-transform: uppercase;
    letter-spacing: 0.05em;
    font-size: 0.8em;
    color: var(--_muted);
    margin-bottom: 0;
  }
  .note {
    font-style: italic;
    color: var(--_muted);
  }
  .choose {
    background: var(--_surface);
    padding: var(--_s3) var(--_s4);
    margin: var(--_s4) 0;
    border-radius: var(--_radius);
  }
  .choose .heading {
    margin-top: 0;
  }
  .copy-list {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_s3);
  }
  .copy-list li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s2);
    align-items: center;
    margin-bottom: var(--_s2);
  }
  .theme-name {
    font-weight: 600;
    background: var(--_bg);
    border: 1px dashed var(--_brand);
    padding: var(--_s1) var(--_s2);
    overflow-wrap: anywhere;
    user-select: all;
  }
  .cta {
    display: inline-block;
    font-weight: 600;
    padding: var(--_s2) 0;
  }
  ol, ul {
    padding-left: 1.4em;
  }
  li {
    margin-bottom: var(--_s1);
  }
  @media (forced-colors: active) {
    .theme, .choose, .notice, .option {
      border: 1px solid CanvasText;
    }
    .option:has(input:checked) {
      border: 3px solid Highlight;
    }
  }
`;
