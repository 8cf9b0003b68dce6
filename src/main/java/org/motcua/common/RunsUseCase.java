package org.motcua.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an API operation: the use cases it runs. Their declared {@link UseCase#refusals() refusals} become the
 * operation's documented error responses in the OpenAPI document.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RunsUseCase {

  Class<? extends UseCase>[] value();
}
