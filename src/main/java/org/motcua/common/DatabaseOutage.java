package org.motcua.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * When the database is away, every request that needs it fails the same way: 503 with the stable code
 * {@code DATABASE_UNAVAILABLE} and a clear message, whatever layer noticed (JPA, JDBC, the process engine, the
 * connection pool). The transaction never reached the database or was rolled back with the lost connection, so
 * nothing is half-written; the pool reconnects by itself when the database is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseOutage implements HandlerExceptionResolver {

  public static final String CODE = "DATABASE_UNAVAILABLE";
  private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

  private final Problems problems;
  private final com.fasterxml.jackson.databind.ObjectMapper json;
  private final DataSource dataSource;
  private final LocaleResolver locales;

  DatabaseOutage(Problems problems, com.fasterxml.jackson.databind.ObjectMapper json, DataSource dataSource,
      @Lazy LocaleResolver locales) {
    this.problems = problems;
    this.json = json;
    this.dataSource = dataSource;
    this.locales = locales;
  }

  /**
   * Whether the database being away explains this failure: the failure says so itself, or it came from the data
   * layer (e.g. "connection is closed" while rolling back after the server went down) and the database cannot be
   * reached now.
   */
  public boolean explains(Throwable failure) {
    return isOutage(failure) || fromDataLayer(failure) && !reachable();
  }

  private static boolean fromDataLayer(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException || t instanceof DataAccessException || t instanceof TransactionException
          || t instanceof PersistenceException) {
        return true;
      }
    }
    return false;
  }

  private boolean reachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Whether this failure means the database cannot be reached (connection refused, lost, pool timed out). */
  public static boolean isOutage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          // 08xxx: connection exception; 57P01-57P03: the server is shutting down or cannot accept connections.
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception failure) {
    if (!explains(failure)) {
      return null;
    }
    log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), failure.toString());
    try {
      write(request, response);
    } catch (IOException e) {
      return null;
    }
    return new ModelAndView();
  }

  /** Writes the 503 problem (in the request's language, set by the locale filter) and asks clients to retry soon. */
  public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
    LocaleContextHolder.setLocale(locales.resolveLocale(request));
    ProblemDetail problem = problems.of(HttpStatus.SERVICE_UNAVAILABLE, CODE);
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader("Retry-After", "5");
    response.setCharacterEncoding("UTF-8");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
