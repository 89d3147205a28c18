/** A well-formed JWT the fake Bot Connector accepts in place of a Bot Framework token. */
export const benchBotToken = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJib3QifQ.c2ln';
