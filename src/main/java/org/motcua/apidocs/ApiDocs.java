package org.motcua.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document served at {@code /v3/api-docs} (ADMIN only unless {@code motcua.security.public-api-docs}):
 * what the service is, how to sign in, how refusals look. Each operation carries its own summary and description
 * ({@code @Operation} on the controllers) and its refusals ({@link RefusalResponses}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

  static final String BASIC = "basic";

  private static final String DESCRIPTION = """
      motcua processes administrative-procedure dossiers (hồ sơ thủ tục hành chính) in Vietnam's one-stop shops \
      (bộ phận một cửa): citizens and businesses submit and follow dossiers, one-stop clerks receive them and return \
      results, specialists and leaders appraise and approve, supervisors read the national indicators.

      **Signing in.** Every call except the catalogue, the working-time calendar and the payment gateways' \
      notifications needs HTTP Basic credentials. Who someone is comes from their account, never from a field of \
      the request; which dossiers they see follows their role and agency (the owner, the officers of the dossier's \
      agency, the supervisors above it, ADMIN).

      **Refusals.** Every refusal is `application/problem+json` with a stable English `code` a program may branch \
      on and a `detail` for people, in Vietnamese (in English with `Accept-Language: en`). Each operation lists the \
      codes it may answer with under their HTTP status and in its `x-refusal-codes`: those of the use cases it runs \
      (declared in the code, so this document cannot drift from it) and those any request may get where they apply:

      - `400` `MALFORMED_ADDRESS` (a `//`, `;` or `..` in the address), `MISSING_PARAMETER`, `INVALID_PARAMETER`, \
      and for a body `MALFORMED_REQUEST`, `UNKNOWN_FIELD` (a field the API does not know is refused by name), \
      `VALIDATION_FAILED` (with `errors`: each field and what is wrong), `MISSING_PART` for uploads;
      - `401` `UNAUTHENTICATED` and `429` `SIGN_IN_THROTTLED` (too many wrong passwords, see `Retry-After`) where \
      signing in is needed; `403` `ACCESS_DENIED` (the role may not call this address) and, for a state-changing \
      call a browser makes, `CSRF_TOKEN_REQUIRED`;
      - `409` `CONCURRENT_CHANGE` / `RECORD_BUSY` for an action that met another one on the same record: nothing \
      was stored and it may be tried again;
      - `413` `UPLOAD_TOO_LARGE`, `415` `UNSUPPORTED_MEDIA_TYPE`, and `503` `DATABASE_UNAVAILABLE` (nothing was \
      done; try again after `Retry-After`).
      """;

  @Bean
  OpenAPI motcuaOpenApi(ObjectProvider<BuildProperties> build) {
    String version = Optional.ofNullable(build.getIfAvailable()).map(BuildProperties::getVersion)
        .or(() -> Optional.ofNullable(ApiDocs.class.getPackage().getImplementationVersion()))
        .orElse("development");
    return new OpenAPI()
        .info(new Info()
            .title("motcua — một cửa API")
            .version(version)
            .description(DESCRIPTION)
            .contact(new Contact().name("motcua maintainers")))
        .components(new io.swagger.v3.oas.models.Components()
            .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("The account's user name and password (demo users: see the README).")));
  }
}
