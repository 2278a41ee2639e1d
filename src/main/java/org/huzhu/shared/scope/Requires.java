package org.huzhu.shared.scope;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The right an endpoint needs. Every request mapping carries one (on the method, or on its
 * controller for all of its methods); an endpoint without it is refused to everybody (deny by
 * default) and fails the authorisation matrix test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {
    Right value();
}
