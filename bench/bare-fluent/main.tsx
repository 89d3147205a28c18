/** The baseline for the tab benchmark: the least a Fluent UI v9 form page can be (provider, radios, a text box). */
import {
  Button,
  Field,
  FluentProvider,
  Radio,
  RadioGroup,
  Textarea,
  teamsLightTheme,
} from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

function BarePage() {
  return (
    <FluentProvider theme={teamsLightTheme}>
      <main>
        <h1>Vitaliteitsgesprek</h1>
        <Field label="Ik voel me lichamelijk fit genoeg voor mijn werk.">
          <RadioGroup layout="horizontal">
            <Radio value="sad" label="Kan beter" />
            <Radio value="neutral" label="Neutraal" />
            <Radio value="happy" label="Goed" />
            <Radio value="na" label="Niet van toepassing" />
          </RadioGroup>
        </Field>
        <Field label="Wat betekent vitaliteit voor jou persoonlijk?">
          <Textarea />
        </Field>
        <Button appearance="primary">Opslaan</Button>
      </main>
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (container) createRoot(container).render(<BarePage />);
