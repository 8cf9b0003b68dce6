package org.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.common.ApiException;
import org.motcua.common.Problems;
import org.motcua.common.Refusal;
import org.motcua.dossier.DossierRefusal;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/** A refusal goes next to the field it names when the form shows that field, else above the form. */
class FormRefusalsTest {

  private final FormRefusals refusals = new FormRefusals(new Problems(messages()));

  /** A refusal a use case declares, naming the field of the form it belongs to. */
  private record Declared(String code, HttpStatus status, Optional<String> field) implements Refusal {
  }

  @BeforeEach
  void vietnamese() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
  }

  @AfterEach
  void reset() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void aLifecycleRefusalGoesNextToTheFieldItNames() {
    ApiException refused = DossierRefusal.Reason.NEW_APPOINTMENT_REQUIRED.exception("08:00 01/12/2026");
    FormRefusals.OnForm placed = refusals.place(refused, "form", Set.of("note", "newAppointment"));
    assertThat(placed.field()).isEqualTo("newAppointment");
    assertThat(placed.message()).contains("08:00 01/12/2026");
  }

  @Test
  void aRefusalOfNoFieldOrOfAFieldTheFormDoesNotShowIsSaidAboveTheForm() {
    ApiException noField = DossierRefusal.Reason.RESULT_NOT_DIGITIZED.exception("X");
    assertThat(refusals.place(noField, "form", Set.of("note")).field()).isEqualTo("form");
    ApiException otherForm = DossierRefusal.Reason.TRACKING_NUMBER_REQUIRED.exception();
    assertThat(refusals.place(otherForm, "paymentForm", Set.of("method", "receiptNumber")).field())
        .isEqualTo("paymentForm");
    ApiException bare = ApiException.conflict("SOMETHING_ELSE");
    assertThat(refusals.fieldOf(bare)).isEmpty();
    assertThat(refusals.place(bare, "form", Set.of("note")).isOn("form")).isTrue();
  }

  @Test
  void onABoundFormAFieldErrorWhenTheObjectHasTheFieldElseAGlobalError() {
    Applicant form = new Applicant();
    BindingResult errors = new BeanPropertyBindingResult(form, "form");
    refusals.reject(new Declared("INVALID_ID_NUMBER", HttpStatus.BAD_REQUEST, Optional.of("idNumber"))
        .exception("999085000123"), errors);
    assertThat(errors.getFieldError("idNumber")).isNotNull();
    assertThat(errors.getFieldError("idNumber").getDefaultMessage()).contains("999085000123", "không hợp lệ");

    refusals.reject(new Declared("NEW_APPOINTMENT_REQUIRED", HttpStatus.BAD_REQUEST,
        Optional.of("newAppointment")).exception("x"), errors);
    refusals.reject(ApiException.conflict("RESULT_NOT_DIGITIZED", "X"), errors);
    assertThat(errors.getFieldErrorCount()).isEqualTo(1);
    assertThat(errors.getGlobalErrorCount()).isEqualTo(2);
  }

  @Test
  void aDeclaredFieldWinsOverTheListOfUndeclaredOnes() {
    ApiException declared = new Declared("INVALID_ID_NUMBER", HttpStatus.BAD_REQUEST, Optional.of("applicantId"))
        .exception("1");
    assertThat(refusals.fieldOf(declared)).contains("applicantId");
    assertThat(refusals.isAbout(declared, "idNumber")).isFalse();
  }

  static class Applicant extends ApplicantForm {
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }
}
