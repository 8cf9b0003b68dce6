package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.motcua.calendar.TimeLimit;
import org.motcua.catalog.AgencyLevel;
import org.motcua.catalog.FeeSchedule;
import org.motcua.catalog.OnlineLevel;
import org.motcua.catalog.Procedure;
import org.motcua.common.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Plain rules, no Spring: what a dossier allows in each status, and how it refuses (the same problem codes, HTTP
 * statuses and message arguments the API has always answered).
 */
class DossierAnswersTest {

  private static final LocalDateTime AT = LocalDateTime.of(2025, 3, 3, 9, 0);
  private static final LocalDateTime DUE = LocalDateTime.of(2025, 3, 10, 17, 0);

  /** A dossier entered at the counter, in a fresh state (status 1), for the given fee and result delivery. */
  private static Dossier dossier(FeeSchedule.Due feeDue, long feeVnd, Channel resultDelivery) {
    Procedure procedure = new Procedure("P1", null, "Cấp giấy phép", "Xây dựng", AgencyLevel.COMMUNE, "XA1",
        TimeLimit.workingDays(5), OnlineLevel.FULL, new FeeSchedule(feeDue, List.of(), List.of()), null, null,
        "standard", List.of(new Procedure.Component("TK", "Tờ khai", true)), List.of(), List.of());
    return Dossier.enterAtCounter("XA1-250303-0001", procedure, procedure.cases().get(0),
        new FeeSchedule.Quote(Map.of(), List.of(), feeVnd),
        "XA1", "/XA1", new Applicant("Nguyễn Văn A", "093085000123", "0901234567", null, null), null, Channel.COUNTER,
        resultDelivery, null, AT, Actor.SYSTEM);
  }

  private static Dossier submitted() {
    return dossier(FeeSchedule.Due.BEFORE_RESULT, 0, Channel.COUNTER);
  }

  private static Dossier received() {
    Dossier d = submitted();
    d.receive(AT, DUE, Actor.SYSTEM);
    return d;
  }

  private static Dossier processing() {
    Dossier d = received();
    d.startProcessing(AT, Actor.SYSTEM);
    return d;
  }

  private static Dossier finished() {
    Dossier d = processing();
    d.finish(AT.plusDays(1), Actor.SYSTEM);
    return d;
  }

  private static Dossier returned() {
    Dossier d = finished();
    d.resultDigitized(AT.plusDays(1), Actor.SYSTEM, "ket-qua.pdf");
    d.returnResult(AT.plusDays(2), Actor.SYSTEM);
    return d;
  }

  /** Every status the lifecycle reaches, each built through the dossier's own transitions. */
  private static Map<DossierStatus, Dossier> everyStatus() {
    Dossier notReceived = submitted();
    notReceived.notReceived(AT, Actor.SYSTEM);
    Dossier supplement = processing();
    supplement.requestSupplement(AT, Actor.SYSTEM);
    Dossier payment = finished();
    payment.requestPayment(AT, Actor.SYSTEM);
    Dossier withdrawal = processing();
    withdrawal.requestWithdrawal(AT, Actor.SYSTEM, "Không còn nhu cầu");
    Dossier stopped = processing();
    stopped.refuse(AT, Actor.SYSTEM);
    Map<DossierStatus, Dossier> all = new java.util.EnumMap<>(DossierStatus.class);
    for (Dossier d : List.of(submitted(), received(), notReceived, processing(), supplement, payment, withdrawal,
        stopped, finished(), returned())) {
      all.put(d.getStatus(), d);
    }
    assertThat(all).hasSize(DossierStatus.values().length);
    return all;
  }

  private static List<Integer> statusesWhere(Function<Dossier, Boolean> answer) {
    return everyStatus().values().stream().filter(answer::apply).map(d -> d.getStatus().code()).sorted().toList();
  }

  @Test
  void eachQuestionIsAnsweredYesInExactlyTheStatusesTheRulesName() {
    assertThat(statusesWhere(Dossier::mayBeWithdrawn)).containsExactly(1, 2, 4, 5);
    assertThat(statusesWhere(Dossier::awaitsWithdrawalDecision)).containsExactly(7);
    assertThat(statusesWhere(Dossier::awaitsReception)).containsExactly(1);
    assertThat(statusesWhere(Dossier::awaitsSupplement)).containsExactly(5);
    assertThat(statusesWhere(Dossier::awaitsPayment)).containsExactly(6);
    assertThat(statusesWhere(Dossier::applicantMayAddFiles)).containsExactly(1, 5);
    assertThat(statusesWhere(Dossier::clerkMayAddFiles)).containsExactly(1, 2, 4, 5, 6);
    assertThat(statusesWhere(Dossier::expectsResult)).containsExactly(9);
    assertThat(statusesWhere(Dossier::awaitsResultUpload)).containsExactly(9);
    assertThat(statusesWhere(Dossier::mayBeRated)).containsExactly(10);
  }

  @Test
  void aYesHasNoRefusalAndANoHasOne() {
    for (Dossier d : everyStatus().values()) {
      assertThat(d.withdrawalRefusal().isEmpty()).isEqualTo(d.mayBeWithdrawn());
      assertThat(d.otherWorkRefusal().isPresent()).isEqualTo(d.awaitsWithdrawalDecision());
      assertThat(d.supplementRefusal().isEmpty()).isEqualTo(d.awaitsSupplement());
      assertThat(d.paymentRefusal().isEmpty()).isEqualTo(d.awaitsPayment());
      assertThat(d.fileRefusal(true).isEmpty()).isEqualTo(d.applicantMayAddFiles());
      assertThat(d.fileRefusal(false).isEmpty()).isEqualTo(d.clerkMayAddFiles());
      assertThat(d.resultUploadRefusal().isEmpty()).isEqualTo(d.expectsResult());
      assertThat(d.ratingRefusal().isEmpty()).isEqualTo(d.mayBeRated());
    }
  }

  @Test
  void refusalsCarryTheCodesStatusesAndArgumentsTheApiAnswers() {
    Dossier finished = finished();
    String code = finished.getCode();
    assertRefused(finished.withdrawalRefusal(), HttpStatus.CONFLICT, "WITHDRAWAL_NOT_ALLOWED", code, 9);
    assertRefused(finished.fileRefusal(true), HttpStatus.CONFLICT, "DOCUMENTS_CLOSED", code, 9);
    assertRefused(finished.supplementRefusal(), HttpStatus.CONFLICT, "NO_SUPPLEMENT_REQUESTED", code);
    assertRefused(finished.paymentRefusal(), HttpStatus.CONFLICT, "NO_OPEN_CHARGE", code);
    assertRefused(finished.ratingRefusal(), HttpStatus.CONFLICT, "RATING_NOT_OPEN", code);
    assertRefused(processing().resultUploadRefusal(), HttpStatus.CONFLICT, "RESULT_NOT_EXPECTED", code);
    assertRefused(everyStatus().get(DossierStatus.WITHDRAWAL_REQUESTED).otherWorkRefusal(), HttpStatus.CONFLICT,
        "WITHDRAWAL_PENDING", code);
  }

  @Test
  void aReturnedDossierIsRatedOnceAndTheEntityRefusesASecondRating() {
    Dossier d = returned();
    d.rate(AT.plusDays(3), Actor.SYSTEM, 5, null);
    assertThat(d.isRated()).isTrue();
    assertThat(d.mayBeRated()).isFalse();
    assertRefused(d.ratingRefusal(), HttpStatus.CONFLICT, "ALREADY_RATED", d.getCode());
    assertThatThrownBy(() -> d.rate(AT.plusDays(4), Actor.SYSTEM, 1, "lần hai"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("ALREADY_RATED"));
    assertThat(d.getSatisfactionRating()).isEqualTo(5);
  }

  @Test
  void transitionsNoLongerTrustTheirCaller() {
    Dossier finished = finished();
    assertThatThrownBy(() -> finished.requestWithdrawal(AT, Actor.SYSTEM, "muộn"))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.code()).isEqualTo("WITHDRAWAL_NOT_ALLOWED"));
    assertThatThrownBy(() -> finished.supplementProvided(AT, Actor.SYSTEM, null, null))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.code()).isEqualTo("NO_SUPPLEMENT_REQUESTED"));
    assertThatThrownBy(() -> processing().rate(AT, Actor.SYSTEM, 4, null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("RATING_NOT_OPEN"));
    assertThat(finished.getStatus()).isEqualTo(DossierStatus.FINISHED);
  }

  @Test
  void aFeeDueAtSubmissionKeepsTheApplicantsUploadsOpenWhileItIsPaid() {
    Dossier d = dossier(FeeSchedule.Due.AT_SUBMISSION, 50_000, Channel.COUNTER);
    d.requestPayment(AT, Actor.SYSTEM);
    assertThat(d.isWaitingForFeeBeforeReception()).isTrue();
    assertThat(d.applicantMayAddFiles()).isTrue();
    assertThat(d.fileRefusal(true)).isEmpty();
    assertThat(d.awaitsPayment()).isTrue();
  }

  @Test
  void theResultUploadIsAwaitedUntilItComesButMayBeReplacedUntilReturned() {
    Dossier d = finished();
    d.resultDigitized(AT, Actor.SYSTEM, "ket-qua.pdf");
    assertThat(d.awaitsResultUpload()).isFalse();
    assertThat(d.expectsResult()).isTrue();
    assertThat(d.resultUploadRefusal()).isEmpty();
  }

  @Test
  void aResultIsReturnedOnlyDigitizedAndByPostOnlyWithItsTrackingNumber() {
    Dossier notDigitized = finished();
    assertRefused(notDigitized.returnRefusal("EB123"), HttpStatus.BAD_REQUEST, "RESULT_NOT_DIGITIZED",
        notDigitized.getCode());
    Dossier byPost = dossier(FeeSchedule.Due.BEFORE_RESULT, 0, Channel.POSTAL);
    byPost.receive(AT, DUE, Actor.SYSTEM);
    byPost.finish(AT, Actor.SYSTEM);
    byPost.resultDigitized(AT, Actor.SYSTEM, "ket-qua.pdf");
    assertRefused(byPost.returnRefusal(null), HttpStatus.BAD_REQUEST, "TRACKING_NUMBER_REQUIRED");
    assertRefused(byPost.returnRefusal("  "), HttpStatus.BAD_REQUEST, "TRACKING_NUMBER_REQUIRED");
    assertThat(byPost.returnRefusal("EB123456789VN")).isEmpty();
    Dossier atCounter = finished();
    atCounter.resultDigitized(AT, Actor.SYSTEM, "ket-qua.pdf");
    assertThat(atCounter.returnRefusal(null)).isEmpty();
  }

  @Test
  void anApologyComesBeforeTheAppointmentAndPromisesALaterOne() {
    Dossier d = processing();
    assertRefused(d.apologyRefusal(DUE.plusMinutes(1), DUE.plusDays(3)), HttpStatus.CONFLICT, "APOLOGY_TOO_LATE",
        d.getCode(), DUE);
    assertRefused(d.apologyRefusal(DUE, null), HttpStatus.BAD_REQUEST, "NEW_APPOINTMENT_REQUIRED", DUE);
    assertRefused(d.apologyRefusal(AT, DUE), HttpStatus.BAD_REQUEST, "NEW_APPOINTMENT_REQUIRED", DUE);
    assertThat(d.apologyRefusal(AT, DUE.plusDays(3))).isEmpty();
  }

  private static void assertRefused(Optional<DossierRefusal> refusal, HttpStatus status, String code,
      Object... args) {
    assertThat(refusal).isPresent();
    assertThat(refusal.get().code()).isEqualTo(code);
    assertThat(refusal.get().args()).containsExactly(args);
    ApiException raised = refusal.get().exception();
    assertThat(raised.status()).isEqualTo(status);
    assertThat(raised.code()).isEqualTo(code);
    assertThat(raised.args()).containsExactly(args);
  }
}
