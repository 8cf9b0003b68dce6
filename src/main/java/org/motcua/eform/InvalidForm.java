package org.motcua.eform;

import java.util.List;
import java.util.Map;
import org.motcua.common.ApiException;

/**
 * {@link FormRefusal#FORM_INVALID} with the fields at fault: the problem+json carries them as {@code errors}, each
 * with its JSON path in the request ({@code $.form.child.birthDate}), the layout's field name, a stable code and the
 * message, so that a client or page shows each message next to its field.
 */
public class InvalidForm extends ApiException {

  private final transient List<FieldError> errors;
  private final String prefix;

  /**
   * @param prefix where the form's data sits in the request, as a JSON path ({@code $.form})
   */
  public InvalidForm(List<FieldError> errors, String prefix) {
    super(FormRefusal.FORM_INVALID, errors.size(),
        String.join(", ", errors.stream().map(e -> inRequest(prefix, e.path())).toList()));
    this.errors = List.copyOf(errors);
    this.prefix = prefix;
  }

  public List<FieldError> errors() {
    return errors;
  }

  @Override
  public Map<String, Object> problemProperties() {
    return Map.of("errors", errors.stream().map(e -> Map.of("path", inRequest(prefix, e.path()), "field",
        e.field(), "code", e.code(), "message", e.message())).toList());
  }

  private static String inRequest(String prefix, String path) {
    return prefix + path.substring(1);
  }
}
