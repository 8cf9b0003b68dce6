package org.motcua.web;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.motcua.common.ApiException;
import org.motcua.common.Problems;
import org.motcua.common.Refusal;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * The one place a page turns a refusal of the service into a form error: next to the field the refusal names
 * ({@link Refusal#field()}), or above the form when it names none or a field the form does not show; the message is
 * the refusal's {@code error.<code>} in the reader's language. Pages never branch on a refusal's code.
 */
@Component
public class FormRefusals {

  /**
   * Refusals still raised as bare codes, with the field they belong to. Issue 20: the use cases declare them as
   * {@link Refusal} values naming their field; each line leaves this list when its refusal does (a declared field
   * always wins over this list).
   */
  private static final Map<String, String> UNDECLARED_FIELDS = Map.of(
      "INVALID_PAYMENT_METHOD", FeeFields.FIELD);

  private final Problems messages;

  FormRefusals(Problems messages) {
    this.messages = messages;
  }

  /** Where a refusal shows on a form and what it says. */
  public record OnForm(String field, String message) {

    public boolean isOn(String name) {
      return name.equals(field);
    }
  }

  /** The form field the refusal belongs to, if it names one. */
  public Optional<String> fieldOf(ApiException refusal) {
    return refusal.refusal().flatMap(Refusal::field)
        .or(() -> Optional.ofNullable(UNDECLARED_FIELDS.get(refusal.code())));
  }

  /** Whether the refusal belongs to this field of the form. */
  public boolean isAbout(ApiException refusal, String field) {
    return fieldOf(refusal).filter(field::equals).isPresent();
  }

  /** What the refusal says, in the reader's language. */
  public String message(ApiException refusal) {
    return messages.message("error." + refusal.code(), refusal.args());
  }

  /**
   * The refusal on a form of named fields: on the field it names when the form shows it ({@code fields}), else on
   * {@code wholeForm}, the name the page shows errors about the whole form under.
   */
  public OnForm place(ApiException refusal, String wholeForm, Collection<String> fields) {
    return new OnForm(fieldOf(refusal).filter(fields::contains).orElse(wholeForm), message(refusal));
  }

  /**
   * The refusal on a bound form ({@code th:object}): a field error when the form object has the field it names, else
   * a global error of the form.
   */
  public void reject(ApiException refusal, BindingResult form) {
    String code = "error." + refusal.code();
    Optional<String> field = fieldOf(refusal)
        .filter(f -> PropertyAccessorFactory.forBeanPropertyAccess(form.getTarget()).isReadableProperty(f));
    if (field.isPresent()) {
      form.rejectValue(field.get(), code, refusal.args(), message(refusal));
    } else {
      form.reject(code, refusal.args(), message(refusal));
    }
  }
}
