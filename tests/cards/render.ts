/**
 * Parses and renders card JSON with the `adaptivecards` SDK (needs a DOM: jsdom in tests), with a strict
 * Markdown renderer so escaped user text is checked the way a host would render it.
 */
import { AdaptiveCard, CardElement, SerializationContext, Versions } from 'adaptivecards';
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: true, linkify: true });
AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdown.render(text);
  result.didProcess = true;
};

export interface ParsedCard {
  card: AdaptiveCard;
  problems: string[];
  element: HTMLElement;
}

/** Parses against schema 1.5, collects every parse and validation event, renders to a DOM element. */
export function parseAndRender(json: unknown): ParsedCard {
  // The SDK checks `lang` with a global RegExp whose lastIndex survives between cards, so every second
  // valid "nl" would be reported as invalid; start each parse from a clean state.
  const langPattern = CardElement.langProperty.regEx;
  if (langPattern) langPattern.lastIndex = 0;
  const card = new AdaptiveCard();
  const context = new SerializationContext(Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  const element = card.render();
  if (!element) throw new Error('card did not render');
  return { card, problems, element };
}
