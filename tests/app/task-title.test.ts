/** The To Do task's title speaks the assignee's language and the cards' words: ondertekening, never "akkoord". */
import { describe, expect, it } from '@jest/globals';
import { taskTitle } from '../../src/app/jobs/task.js';
import { aConversation } from '../support/factories.js';

describe('the To Do task title', () => {
  it('asks the manager of a vitality report to co-sign, and both parties of a reflection to sign', () => {
    expect(taskTitle(aConversation({ type: 'vitaliteit' }), 'Daan Visser', 1, 'nl')).toBe(
      'Vitaliteitsgesprek Daan Visser – ter medeondertekening (versie 1)',
    );
    expect(taskTitle(aConversation({ type: 'reflectie' }), 'Thomas de Boer', 2, 'en')).toBe(
      'Reflection conversation Thomas de Boer – for signing (version 2)',
    );
    expect(taskTitle(aConversation({ type: 'reflectie' }), 'Fatima', 1, 'nl')).not.toMatch(/akkoord/);
  });
});
