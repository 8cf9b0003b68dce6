package org.motcua.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.motcua.common.AnyRequestRefusal;
import org.motcua.common.Refusal;
import org.motcua.common.RunsUseCase;
import org.motcua.common.UseCase;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;

/**
 * Documents every refusal an operation may answer with, as {@code application/problem+json} responses: the union of
 * the {@link UseCase#refusals() refusals declared} by the use cases its handler {@link RunsUseCase runs} (looked up
 * in the Spring context, so a use case that is not a bean fails the document), plus the {@link AnyRequestRefusal
 * refusals of any request} that apply to it (by its parameters and body, by whether the security configuration lets an
 * anonymous caller in, by whether it changes state). One response per HTTP status, listing each code with its
 * Vietnamese message ({@code error.<code>} in messages_vi.properties) and one example per code; the codes and their
 * statuses also in the operation's {@code x-refusal-codes}.
 *
 * <p>Two handlers of one address and method (a JSON and a multipart variant, a view and its export) make one
 * operation: the second adds its refusals to the first's.
 */
@Component
class RefusalResponses implements OperationCustomizer, OpenApiCustomizer {

  static final String EXTENSION = "x-refusal-codes";
  static final String PROBLEM = "Problem";
  static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /** Responses shared by many operations, described once under {@code components/responses}. */
  private static final Map<String, List<AnyRequestRefusal>> SHARED = sharedResponses();

  private final ApplicationContext context;
  private final MessageSource messages;
  private final List<SecurityFilterChain> security;

  RefusalResponses(ApplicationContext context, MessageSource messages, List<SecurityFilterChain> security) {
    this.context = context;
    this.messages = messages;
    this.security = security;
  }

  private static Map<String, List<AnyRequestRefusal>> sharedResponses() {
    Map<String, List<AnyRequestRefusal>> shared = new LinkedHashMap<>();
    shared.put("Unauthenticated", List.of(AnyRequestRefusal.UNAUTHENTICATED));
    shared.put("AccessDenied", List.of(AnyRequestRefusal.ACCESS_DENIED));
    shared.put("AccessDeniedOrNoCsrfToken",
        List.of(AnyRequestRefusal.ACCESS_DENIED, AnyRequestRefusal.CSRF_TOKEN_REQUIRED));
    shared.put("ConcurrentAction", List.of(AnyRequestRefusal.CONCURRENT_CHANGE, AnyRequestRefusal.RECORD_BUSY));
    shared.put("SignInThrottled", List.of(AnyRequestRefusal.SIGN_IN_THROTTLED));
    shared.put("DatabaseUnavailable", List.of(AnyRequestRefusal.DATABASE_UNAVAILABLE));
    return shared;
  }

  // --- Per handler: what its use cases declare and what its parameters may fail with -------------------------------

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    Map<String, Integer> codes = codesOf(operation);
    RunsUseCase runs = handler.getMethodAnnotation(RunsUseCase.class);
    if (runs != null) {
      for (Class<? extends UseCase> type : runs.value()) {
        // getBean fails when the use case is no bean: the document never shows refusals nobody declared.
        for (Refusal refusal : context.getBean(type).refusals()) {
          add(codes, refusal);
        }
      }
    }
    for (MethodParameter parameter : handler.getMethodParameters()) {
      Class<?> type = parameter.getParameterType();
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      boolean file = MultipartFile.class.isAssignableFrom(type);
      if (param != null && file) {
        add(codes, AnyRequestRefusal.UPLOAD_TOO_LARGE);
        if (param.required()) {
          add(codes, AnyRequestRefusal.MISSING_PART);
        }
      } else if (param != null && !Map.class.isAssignableFrom(type)) {
        if (param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue())) {
          add(codes, AnyRequestRefusal.MISSING_PARAMETER);
        }
        if (type != String.class) {
          add(codes, AnyRequestRefusal.INVALID_PARAMETER);
        }
      }
      if (parameter.hasParameterAnnotation(PathVariable.class) && type != String.class) {
        add(codes, AnyRequestRefusal.INVALID_PARAMETER);
      }
      if (parameter.hasParameterAnnotation(RequestBody.class)) {
        add(codes, AnyRequestRefusal.MALFORMED_REQUEST);
        add(codes, AnyRequestRefusal.UNKNOWN_FIELD);
        add(codes, AnyRequestRefusal.UNSUPPORTED_MEDIA_TYPE);
        if (parameter.hasParameterAnnotation(Valid.class) || parameter.hasParameterAnnotation(Validated.class)) {
          add(codes, AnyRequestRefusal.VALIDATION_FAILED);
        }
      }
      RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
      if (part != null || (file && param == null) || MultipartRequest.class.isAssignableFrom(type)) {
        add(codes, AnyRequestRefusal.UPLOAD_TOO_LARGE);
        if (part != null && part.required()) {
          add(codes, AnyRequestRefusal.MISSING_PART);
        }
      }
    }
    operation.addExtension(EXTENSION, codes);
    return operation;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Integer> codesOf(Operation operation) {
    Object codes = operation.getExtensions() == null ? null : operation.getExtensions().get(EXTENSION);
    return codes instanceof Map<?, ?> map ? (Map<String, Integer>) map : new TreeMap<>();
  }

  private static void add(Map<String, Integer> codes, Refusal refusal) {
    Integer before = codes.put(refusal.code(), refusal.status().value());
    if (before != null && before != refusal.status().value()) {
      throw new IllegalStateException("Refusal " + refusal.code() + " is declared with two statuses: " + before
          + " and " + refusal.status().value());
    }
  }

  // --- Over the whole document: what depends on the address, then one response per status -------------------------

  @Override
  public void customise(OpenAPI openApi) {
    Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
    openApi.setComponents(components);
    components.addSchemas(PROBLEM, problemSchema());
    if (openApi.getPaths() == null) {
      return;
    }
    Set<String> sharedUsed = new TreeSet<>();
    openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
      Map<String, Integer> codes = codesOf(operation);
      if (addAddressRefusals(codes, path, method)) {
        operation.setSecurity(List.of(new SecurityRequirement().addList(ApiDocs.BASIC)));
      }
      document(operation, codes, sharedUsed);
    }));
    SHARED.forEach((name, refusals) -> {
      if (sharedUsed.contains(name)) {
        List<String> codes = refusals.stream().map(Refusal::code).toList();
        components.addResponses(name, response(refusals.get(0).status(), codes));
      }
    });
  }

  /** Adds the refusals that depend on the address and method; true when signing in is needed. */
  private boolean addAddressRefusals(Map<String, Integer> codes, String path, PathItem.HttpMethod method) {
    if (!path.startsWith("/api/")) {
      return false;
    }
    add(codes, AnyRequestRefusal.MALFORMED_ADDRESS);
    add(codes, AnyRequestRefusal.DATABASE_UNAVAILABLE);
    boolean safe = SAFE_METHODS.contains(method.name());
    if (!safe) {
      add(codes, AnyRequestRefusal.CONCURRENT_CHANGE);
      add(codes, AnyRequestRefusal.RECORD_BUSY);
    }
    if (!anonymousMayCall(path, method.name())) {
      add(codes, AnyRequestRefusal.UNAUTHENTICATED);
      add(codes, AnyRequestRefusal.SIGN_IN_THROTTLED);
      add(codes, AnyRequestRefusal.ACCESS_DENIED);
      if (!safe) {
        add(codes, AnyRequestRefusal.CSRF_TOKEN_REQUIRED);
      }
      return true;
    }
    return false;
  }

  /**
   * Asks the security configuration itself whether an anonymous caller gets through this address: the authorization
   * rules of the filter chain that serves it, checked on a copy of the request reading the document with that
   * address and method.
   */
  private boolean anonymousMayCall(String path, String method) {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current)) {
      throw new IllegalStateException("The API document is built while serving a request");
    }
    HttpServletRequest request = new Probe(current.getRequest(), method, path.replaceAll("\\{[^}/]+}", "x"));
    Authentication anonymous = new AnonymousAuthenticationToken("api-docs", "anonymousUser",
        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    for (SecurityFilterChain chain : security) {
      if (chain.matches(request)) {
        return chain.getFilters().stream().filter(AuthorizationFilter.class::isInstance)
            .map(f -> ((AuthorizationFilter) f).getAuthorizationManager())
            .allMatch(rules -> {
              AuthorizationResult result = rules.authorize(() -> anonymous, request);
              return result == null || result.isGranted();
            });
      }
    }
    return true;
  }

  /** The request as the security rules would see a call to another address; its attributes are its own. */
  private static final class Probe extends HttpServletRequestWrapper {

    private final String method;
    private final String path;
    private final Map<String, Object> attributes = new java.util.HashMap<>();

    Probe(HttpServletRequest request, String method, String path) {
      super(request);
      this.method = method;
      this.path = path;
    }

    @Override
    public String getMethod() {
      return method;
    }

    @Override
    public String getRequestURI() {
      return getContextPath() + path;
    }

    @Override
    public StringBuffer getRequestURL() {
      return new StringBuffer(getScheme() + "://" + getServerName() + ":" + getServerPort() + getRequestURI());
    }

    @Override
    public String getServletPath() {
      return path;
    }

    @Override
    public String getPathInfo() {
      return null;
    }

    @Override
    public String getQueryString() {
      return null;
    }

    @Override
    public jakarta.servlet.DispatcherType getDispatcherType() {
      return jakarta.servlet.DispatcherType.REQUEST;
    }

    @Override
    public Object getAttribute(String name) {
      return attributes.get(name);
    }

    @Override
    public java.util.Enumeration<String> getAttributeNames() {
      return java.util.Collections.enumeration(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
      attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      attributes.remove(name);
    }
  }

  private void document(Operation operation, Map<String, Integer> codes, Set<String> sharedUsed) {
    Map<Integer, List<String>> byStatus = new TreeMap<>();
    codes.forEach((code, status) -> byStatus.computeIfAbsent(status, s -> new ArrayList<>()).add(code));
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    byStatus.forEach((status, list) -> {
      String key = String.valueOf(status);
      ApiResponse existing = responses.get(key);
      if (existing != null) {
        // A response the handler documents itself (e.g. a gateway protocol's 429): it keeps its own content.
        existing.setDescription(existing.getDescription() + "\n\n" + listing(list));
        return;
      }
      String shared = shared(list);
      if (shared != null) {
        sharedUsed.add(shared);
        responses.addApiResponse(key, new ApiResponse().$ref("#/components/responses/" + shared));
      } else {
        responses.addApiResponse(key, response(HttpStatus.valueOf(status), list));
      }
    });
    operation.setResponses(sorted(responses));
    List<Map<String, Object>> extension = new ArrayList<>();
    byStatus.forEach((status, list) -> list.forEach(code -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("code", code);
      entry.put("status", status);
      extension.add(entry);
    }));
    operation.addExtension(EXTENSION, extension);
  }

  private static String shared(Collection<String> codes) {
    for (Map.Entry<String, List<AnyRequestRefusal>> entry : SHARED.entrySet()) {
      if (new TreeSet<>(codes).equals(new TreeSet<>(entry.getValue().stream().map(Refusal::code).toList()))) {
        return entry.getKey();
      }
    }
    return null;
  }

  private static ApiResponses sorted(ApiResponses responses) {
    ApiResponses sorted = new ApiResponses();
    new TreeMap<>(responses).forEach(sorted::addApiResponse);
    sorted.setExtensions(responses.getExtensions());
    return sorted;
  }

  private ApiResponse response(HttpStatus status, List<String> codes) {
    MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
    for (String code : codes) {
      problem.addExamples(code, new Example().summary(code).value(example(status, code)));
    }
    ApiResponse response = new ApiResponse().description(listing(codes))
        .content(new Content().addMediaType(PROBLEM_JSON, problem));
    if (status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE) {
      response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again.")
          .schema(integer()));
    }
    return response;
  }

  /** The codes of one status as a markdown list, each with its Vietnamese message ({@code …} for its values). */
  private String listing(List<String> codes) {
    StringBuilder text = new StringBuilder("Refused; the problem's `code` says why:\n");
    for (String code : codes) {
      text.append("\n- `").append(code).append("`: ").append(message(code));
    }
    return text.toString();
  }

  String message(String code) {
    Object[] values = new Object[6];
    Arrays.fill(values, "…");
    return messages.getMessage("error." + code, values, VIETNAMESE);
  }

  private Map<String, Object> example(HttpStatus status, String code) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "urn:motcua:error:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    problem.put("title", messages.getMessage("http." + status.value(), null, status.getReasonPhrase(), VIETNAMESE));
    problem.put("status", status.value());
    problem.put("detail", message(code));
    problem.put("code", code);
    return problem;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema problemSchema() {
    Schema fieldError = object("A field the request got wrong.")
        .addProperty("field", string("The field's name in the request body."))
        .addProperty("message", string("What is wrong with it, in the request's language."));
    return object("Why a request is refused (RFC 9457 problem details), with motcua's stable code. The `detail` "
        + "is in Vietnamese, or in English with `Accept-Language: en`.")
        .addProperty("type", string("`urn:motcua:error:` and the code in lower case with hyphens.").format("uri"))
        .addProperty("title", string("The HTTP status in words."))
        .addProperty("status", integer().description("The HTTP status."))
        .addProperty("detail", string("What went wrong and what to do, for a person."))
        .addProperty("instance", string("The address that was called.").format("uri-reference"))
        .addProperty("code", string("The stable English code a program branches on (its message: `error.<code>`)."))
        .addProperty("errors", array(fieldError).description("With `VALIDATION_FAILED`: each field that broke its "
            + "constraint."))
        .required(List.of("type", "title", "status", "detail", "code"));
  }

  @SuppressWarnings("rawtypes")
  private static Schema object(String description) {
    Schema schema = new Schema<>().description(description);
    schema.setTypes(Set.of("object"));
    schema.setType("object");
    return schema;
  }

  @SuppressWarnings("rawtypes")
  private static Schema string(String description) {
    Schema schema = new Schema<>().description(description);
    schema.setTypes(Set.of("string"));
    schema.setType("string");
    return schema;
  }

  @SuppressWarnings("rawtypes")
  private static Schema integer() {
    Schema schema = new Schema<>().format("int32");
    schema.setTypes(Set.of("integer"));
    schema.setType("integer");
    return schema;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema array(Schema items) {
    Schema schema = new Schema<>().items(items);
    schema.setTypes(Set.of("array"));
    schema.setType("array");
    return schema;
  }
}
