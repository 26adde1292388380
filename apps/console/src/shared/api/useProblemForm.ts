import { ref } from 'vue';
import { ApiError, fieldErrorsOf } from './problem';

/**
 * A form that sends one request: `submit(send)` runs it with the form busy, and a problem+json answer lands on the
 * fields it names (`errors`), the rest in the form's message (`formError`). Anything but an ApiError is rethrown.
 */
export function useProblemForm(fields: () => readonly string[]) {
  const errors = ref<Record<string, string>>({});
  const formError = ref<string | null>(null);
  const busy = ref(false);

  async function submit(send: () => Promise<void>): Promise<void> {
    busy.value = true;
    errors.value = {};
    formError.value = null;
    try {
      await send();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const shown = fieldErrorsOf(error.problem, fields());
      errors.value = shown.fields;
      formError.value = shown.form;
    } finally {
      busy.value = false;
    }
  }

  return { errors, formError, busy, submit };
}
