package org.motcua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.dossier.DossierAction;
import org.motcua.dossier.DossierRecorded;
import org.motcua.outbox.OutboxRelay;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.PageSession;
import org.motcua.support.TestClock;
import org.motcua.support.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Applicant notifications end to end, over real HTTP and a real SMTP server: GreenMail receives the e-mails of a whole
 * lifecycle in order, with their Vietnamese text and links; a JDK HTTP server stands for the SMS and Zalo providers,
 * refuses the first attempts and then accepts, and applies each key once; a rolled-back change sends nothing; a
 * delivery whose transaction dies after the provider accepted is sent again with the same key and applied once; a
 * message still failing after its topic's give-up time is a dead letter the administrator sees and resends. The relay
 * is run by hand, and the test clock stands in for the back-off waits.
 */
@MotcuaTest
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=notifications",
    "camunda.bpm.webapp.enabled=false",
    "motcua.notifications.public-url=https://dichvucong.haugiang.gov.vn/",
    "motcua.notifications.email.from=motcua@haugiang.gov.vn",
    "motcua.notifications.sms.token=sms-token",
    "motcua.notifications.zalo.token=zalo-token",
    "motcua.outbox.topics.[notification.sms].give-up-after=PT1H"})
@DirtiesContext
class NotificationDeliveryTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13"; // 10 working days, Sở Tư pháp, fee 200.000
  private static final String PUBLIC = "https://dichvucong.haugiang.gov.vn";
  private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  private static final ProviderServer SMS;
  private static final ProviderServer ZALO;

  static {
    SMTP.start();
    try {
      SMS = new ProviderServer("sms-token");
      ZALO = new ProviderServer("zalo-token");
    } catch (java.io.IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @DynamicPropertySource
  static void ownDatabaseAndProviders(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    registry.add("motcua.notifications.sms.url", () -> SMS.url("/sms/send").toString());
    registry.add("motcua.notifications.zalo.url", () -> ZALO.url("/zns/send").toString());
    if (!"postgresql".equals(System.getProperty("motcua.test.database"))) {
      registry.add("spring.datasource.url",
          () -> "jdbc:h2:mem:motcua-notifications;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
      return;
    }
    String schema = TestProfiles.freshSchema("_notifications");
    registry.add("motcua.test.pg.schema", () -> schema);
  }

  @AfterAll
  static void stopServers() {
    SMTP.stop();
    SMS.close();
    ZALO.close();
  }

  /** Fails a change after its reception line was written (and its messages with it), for the rollback test. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Failures {

    @Bean
    FailAfterReception failAfterReception(JdbcTemplate jdbc) {
      return new FailAfterReception(jdbc);
    }
  }

  static class FailAfterReception {

    final Set<String> codes = ConcurrentHashMap.newKeySet();
    final Map<String, Long> messagesWhenFailing = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;

    FailAfterReception(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @EventListener
    void on(DossierRecorded line) {
      if (line.action() == DossierAction.PROCESSING && codes.contains(line.code())) {
        messagesWhenFailing.put(line.code(), jdbc.queryForObject(
            "select count(*) from notification_message where dossier_code = ?", Long.class, line.code()));
        throw new IllegalStateException("Simulated failure after the reception of " + line.code());
      }
    }
  }

  @Autowired
  Api api;
  @Autowired
  OutboxRelay relay;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestClock clock;
  @Autowired
  FailAfterReception failAfterReception;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired
  org.camunda.bpm.engine.ManagementService management;
  @Value("${local.server.port}")
  int port;

  @BeforeEach
  void cleanSlate() throws Exception {
    SMS.reset();
    ZALO.reset();
    deliverAll();
    SMTP.purgeEmailFromAllMailboxes();
    SMS.reset();
    ZALO.reset();
  }

  @Test
  void aWholeLifecycleReachesTheApplicantByEmailSmsAndZaloInOrderOncePerKey() throws Exception {
    Dossiers flow = new Dossiers(api);
    choose("citizen", List.of("EMAIL", "SMS", "ZALO"), "vi");
    SMS.failFirst = 2;
    ZALO.failFirst = 2;

    clock.set(LocalDateTime.of(2025, 1, 23, 8, 0));
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    deliverAll();
    assertThat(SMTP.getReceivedMessages()).as("nothing is sent for a submission").isEmpty();
    clock.set(LocalDateTime.of(2025, 1, 23, 8, 30));
    flow.decide("clerk.stp", code, "supplement", "Bổ sung bản sao Căn cước công dân còn hiệu lực");
    deliverAll();
    clock.set(LocalDateTime.of(2025, 1, 23, 8, 45));
    Api.Response supplied = api.post("citizen", "/api/dossiers/" + code + "/supplements",
        Map.of("note", "Đã tải lên bản sao Căn cước công dân"));
    assertThat(supplied.status()).as(supplied.toString()).isEqualTo(200);
    clock.set(LocalDateTime.of(2025, 1, 23, 9, 0));
    assertThat(flow.decide("clerk.stp", code, "accept", null).path("dueAt").asText()).isEqualTo("2025-02-13T09:00");
    deliverAll();
    clock.set(LocalDateTime.of(2025, 2, 5, 10, 0));
    flow.decide("specialist.stp", code, "forward", "Đủ điều kiện cấp Phiếu lý lịch tư pháp số 1");
    clock.set(LocalDateTime.of(2025, 2, 12, 15, 0));
    assertThat(flow.decide("leader.stp", code, "approve", null).path("status").asInt()).isEqualTo(6);
    deliverAll();
    clock.set(LocalDateTime.of(2025, 2, 13, 7, 30));
    flow.payAtCounter("clerk.stp", code);
    deliverAll();
    clock.set(LocalDateTime.of(2025, 2, 13, 8, 0));
    flow.uploadResult("leader.stp", code);
    assertThat(flow.decide("clerk.stp", code, "return", null).path("status").asInt()).isEqualTo(10);
    deliverAll();

    // E-mail: six messages, in the order of the dossier's life, to the account's address, in Vietnamese.
    MimeMessage[] mails = SMTP.getReceivedMessages();
    assertThat(Arrays.stream(mails).map(NotificationDeliveryTest::subject).toList()).containsExactly(
        "Hồ sơ " + code + " cần bổ sung",
        "Hồ sơ " + code + " đã được tiếp nhận",
        "Hồ sơ " + code + ": đề nghị nộp phí, lệ phí 200.000 đồng",
        "Hồ sơ " + code + ": đã nhận phí, lệ phí",
        "Hồ sơ " + code + " đã có kết quả",
        "Hồ sơ " + code + " đã trả kết quả");
    for (MimeMessage mail : mails) {
      assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
          .containsExactly("an.nguyen@example.vn");
      assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("motcua@haugiang.gov.vn");
      assertThat(body(mail)).startsWith("Kính gửi Nguyễn Văn An,");
    }
    assertThat(body(mails[0])).contains("Hồ sơ " + code + " (Cấp Phiếu lý lịch tư pháp")
        .contains("cần bổ sung, hoàn thiện theo hướng dẫn sau:\nBổ sung bản sao Căn cước công dân còn hiệu lực")
        .contains("Bổ sung hồ sơ tại: " + PUBLIC + "/citizen/dossiers/" + code);
    assertThat(body(mails[1])).contains("đã được tiếp nhận. Ngày hẹn trả kết quả: 09:00 ngày 13/02/2025.")
        .contains("Tra cứu hồ sơ: " + PUBLIC + "/tra-cuu?code=" + code);
    assertThat(body(mails[2])).contains("cần nộp phí, lệ phí: 200.000 đồng.")
        .contains("Thanh toán trực tuyến tại: " + PUBLIC + "/citizen/dossiers/" + code + "#payment");
    assertThat(body(mails[4])).contains("đã có kết quả giải quyết");
    assertThat(body(mails[5])).contains("mời đánh giá mức độ hài lòng tại: " + PUBLIC + "/citizen/dossiers/" + code);
    // Each e-mail's Message-ID is its outbox key: the same at every attempt.
    List<String> emailKeys = keys(code, "EMAIL");
    assertThat(Arrays.stream(mails).map(NotificationDeliveryTest::messageId).toList())
        .containsExactlyElementsOf(emailKeys.stream().map(k -> "<" + k + "@motcua>").toList());

    // SMS and Zalo: refused twice each (HTTP 500), then accepted; every key applied exactly once, in order.
    List<String> smsKeys = keys(code, "SMS");
    assertThat(smsKeys).hasSize(6);
    assertThat(SMS.appliedOrder).containsExactlyElementsOf(smsKeys);
    for (String key : smsKeys) {
      assertThat(SMS.attemptsOf(key)).as("attempts of %s", key).isEqualTo(3);
      assertThat(SMS.acceptedCount(key)).isEqualTo(1);
      assertThat(SMS.applied.get(key).path("to").asText()).isEqualTo("0912345678");
    }
    assertThat(SMS.applied.get(smsKeys.get(1)).path("text").asText())
        .contains("Ngày hẹn trả kết quả: 09:00 ngày 13/02/2025");
    List<String> zaloKeys = keys(code, "ZALO");
    assertThat(zaloKeys).as("no Zalo template for 'paid'").hasSize(5);
    assertThat(ZALO.appliedOrder).containsExactlyElementsOf(zaloKeys);
    JsonNode fee = ZALO.applied.get(zaloKeys.get(2));
    assertThat(fee.path("template_id").asText()).isEqualTo("motcua-fee-due");
    assertThat(fee.path("phone").asText()).isEqualTo("0912345678");
    assertThat(fee.path("template_data").path("amount").asText()).isEqualTo("200.000");
    assertThat(fee.path("template_data").path("paymentLink").asText())
        .isEqualTo(PUBLIC + "/citizen/dossiers/" + code + "#payment");
    for (String key : zaloKeys) {
      assertThat(ZALO.acceptedCount(key)).isEqualTo(1);
    }

    // The citizen sees every message on the dossier: content, channel, status, time.
    Api.Response messages = api.get("citizen", "/api/dossiers/" + code + "/messages");
    assertThat(messages.status()).isEqualTo(200);
    assertThat(messages.body()).hasSize(17);
    assertThat(StreamSupport.stream(messages.body().spliterator(), false).map(m -> m.path("status").asText()))
        .containsOnly("SENT");
    JsonNode first = messages.body().get(0);
    assertThat(first.path("event").asText()).isEqualTo("SUPPLEMENT_REQUESTED");
    assertThat(first.path("channel").asText()).isEqualTo("EMAIL");
    assertThat(first.path("createdAt").asText()).isEqualTo("2025-01-23T08:30");
    HttpResponse<String> page = new PageSession(port).signIn("citizen").get("/citizen/dossiers/" + code);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"messages\"").contains("Hồ sơ " + code + " đã được tiếp nhận")
        .contains("data-status=\"SENT\"").contains("Đã gửi");
    // The officers of the agency see them too; another citizen does not know the dossier.
    assertThat(api.get("clerk.stp", "/api/dossiers/" + code + "/messages").body()).hasSize(17);
    assertThat(api.get("citizen2", "/api/dossiers/" + code + "/messages").status()).isEqualTo(404);
    assertThat(api.get("clerk.sxd", "/api/dossiers/" + code + "/messages").status()).isEqualTo(404);
  }

  @Test
  void aRolledBackChangeWritesAndSendsNothing() throws Exception {
    choose("citizen", List.of("EMAIL", "SMS"), "vi");
    clock.set(LocalDateTime.of(2025, 3, 3, 8, 0));
    Dossiers flow = new Dossiers(api);
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    failAfterReception.codes.add(code);
    String taskId = flow.task("clerk.stp", code).path("id").asText();
    Api.Response failed = api.post("clerk.stp", "/api/tasks/" + taskId + "/complete", Map.of("decision", "accept"));
    assertThat(failed.status()).as(failed.toString()).isGreaterThanOrEqualTo(500);
    // The reception's messages had been written in the transaction, which then rolled back.
    assertThat(failAfterReception.messagesWhenFailing.get(code)).isEqualTo(2L);
    assertThat(count("select count(*) from notification_message where dossier_code = ?", code)).isZero();
    assertThat(count("select count(*) from outbox_event where dossier_code = ? and topic like 'notification.%'",
        code)).isZero();
    assertThat(api.get("citizen", "/api/dossiers/" + code).body().path("status").asInt()).isEqualTo(1);
    deliverAll();
    assertThat(SMTP.getReceivedMessages()).isEmpty();
    assertThat(SMS.attempts).isEmpty();

    // Once the change commits, its messages go out.
    failAfterReception.codes.remove(code);
    flow.decide("clerk.stp", code, "accept", null);
    deliverAll();
    assertThat(SMTP.getReceivedMessages()).extracting(NotificationDeliveryTest::subject)
        .containsExactly("Hồ sơ " + code + " đã được tiếp nhận");
    assertThat(SMS.appliedOrder).containsExactlyElementsOf(keys(code, "SMS"));
  }

  @Test
  void aDeliveryWhoseTransactionDiesAfterTheProviderAcceptedIsSentAgainWithTheSameKeyAndAppliedOnce()
      throws Exception {
    choose("citizen", List.of("EMAIL", "SMS", "ZALO"), "vi");
    clock.set(LocalDateTime.of(2025, 3, 4, 8, 0));
    Dossiers flow = new Dossiers(api);
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    flow.decide("clerk.stp", code, "accept", null);

    // The node "dies" right after each provider accepted: the relay's transaction never commits.
    assertThatThrownBy(() -> relay.relayOnce(sink -> message -> {
      sink.deliver(message);
      if (message.topic().startsWith("notification.")) {
        throw new Error("node killed between the provider's answer and the commit");
      }
    })).isInstanceOf(Error.class);
    List<String> keys = new ArrayList<>();
    keys.addAll(keys(code, "EMAIL"));
    keys.addAll(keys(code, "SMS"));
    keys.addAll(keys(code, "ZALO"));
    assertThat(keys).hasSize(3);
    assertThat(count("select count(*) from outbox_event where dossier_code = ? and topic like 'notification.%'"
        + " and delivered_at is null", code)).isEqualTo(3);
    int sentBeforeCrash = SMTP.getReceivedMessages().length + SMS.attempts.size() + ZALO.attempts.size();
    assertThat(sentBeforeCrash).as("the first message reached its provider before the crash").isEqualTo(1);

    deliverAll();
    // Delivered again with the same key: the providers apply each key once.
    String emailKey = keys(code, "EMAIL").get(0);
    List<String> messageIds = Arrays.stream(SMTP.getReceivedMessages()).map(NotificationDeliveryTest::messageId)
        .toList();
    assertThat(messageIds).containsOnly("<" + emailKey + "@motcua>");
    assertThat(messageIds.stream().distinct()).as("one e-mail as a mailbox deduplicating by Message-ID sees it")
        .hasSize(1);
    String smsKey = keys(code, "SMS").get(0);
    String zaloKey = keys(code, "ZALO").get(0);
    assertThat(SMS.applied).containsOnlyKeys(smsKey);
    assertThat(ZALO.applied).containsOnlyKeys(zaloKey);
    assertThat(messageIds.size() + SMS.acceptedCount(smsKey) + ZALO.acceptedCount(zaloKey))
        .as("one of the three was sent twice (before and after the crash)").isEqualTo(4);
    assertThat(count("select count(*) from outbox_event where dossier_code = ? and delivered_at is null", code))
        .isZero();
  }

  @Test
  void aMessageStillFailingAfterItsGiveUpTimeIsADeadLetterTheAdministratorResends() throws Exception {
    choose("citizen2", List.of("SMS"), "en");
    clock.set(LocalDateTime.of(2025, 3, 5, 8, 0));
    Dossiers flow = new Dossiers(api);
    String code = flow.submitComplete("citizen2", CRIMINAL_RECORD);
    LocalDateTime due = LocalDateTime.parse(flow.decide("clerk.stp", code, "accept", null).path("dueAt").asText());
    String key = keys(code, "SMS").get(0);
    SMS.failFirst = Integer.MAX_VALUE;

    // Retried with back-off for an hour (notification.sms gives up after PT1H), then given up.
    relay.relayOnce();
    for (int minutes = 5; minutes <= 55; minutes += 10) {
      clock.set(LocalDateTime.of(2025, 3, 5, 8, minutes));
      relay.relayOnce();
    }
    assertThat(state(code)).isEqualTo("FAILING");
    assertThat(message("citizen2", code).path("status").asText()).isEqualTo("PENDING");
    clock.set(LocalDateTime.of(2025, 3, 5, 9, 10)); // past the hour and the last back-off (5 min 20 s)
    relay.relayOnce();
    assertThat(state(code)).isEqualTo("DEAD");
    long attempts = SMS.attemptsOf(key);
    assertThat(attempts).isGreaterThanOrEqualTo(7);
    clock.set(LocalDateTime.of(2025, 3, 6, 9, 0));
    relay.relayOnce();
    assertThat(SMS.attemptsOf(key)).as("a dead letter is not tried again").isEqualTo(attempts);
    assertThat(message("citizen2", code).path("status").asText()).isEqualTo("FAILED");

    // The administrator sees it, with its last error, by topic.
    Api.Response topics = api.get("admin", "/api/admin/outbox");
    assertThat(topics.status()).isEqualTo(200);
    JsonNode sms = StreamSupport.stream(topics.body().spliterator(), false)
        .filter(t -> t.path("topic").asText().equals("notification.sms")).findFirst().orElseThrow();
    assertThat(sms.path("dead").asLong()).isGreaterThanOrEqualTo(1);
    Api.Response dead = api.get("admin", "/api/admin/outbox/events?topic=notification.sms&state=DEAD");
    JsonNode event = StreamSupport.stream(dead.body().spliterator(), false)
        .filter(e -> e.path("key").asText().equals(key)).findFirst().orElseThrow();
    assertThat(event.path("lastError").asText()).contains("HTTP 500");
    assertThat(event.path("dossierCode").asText()).isEqualTo(code);
    long id = event.path("id").asLong();
    HttpResponse<String> page = new PageSession(port).signIn("admin", "admin").get("/admin/outbox?state=DEAD");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"event-" + id + "\"").contains("id=\"resend-" + id + "\"")
        .contains("HTTP 500");
    // Only a dead letter can be resent; only an administrator sees the outbox.
    assertThat(api.post("admin", "/api/admin/outbox/events/999999999/resend", null).status()).isEqualTo(404);
    assertThat(api.get("citizen2", "/api/admin/outbox").status()).isEqualTo(403);
    assertThat(api.post("clerk.stp", "/api/admin/outbox/events/" + id + "/resend", null).status()).isEqualTo(403);
    assertThat(new PageSession(port).signIn("citizen2").get("/admin/outbox").statusCode()).isEqualTo(403);

    // The provider is back; the administrator resends: same key, attempts from zero, delivered once.
    SMS.failFirst = 0;
    Api.Response resent = api.post("admin", "/api/admin/outbox/events/" + id + "/resend", null);
    assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
    assertThat(resent.body().path("state").asText()).isEqualTo("PENDING");
    assertThat(resent.body().path("attempts").asInt()).isZero();
    assertThat(api.post("admin", "/api/admin/outbox/events/" + id + "/resend", null).status()).isEqualTo(409);
    relay.relayOnce();
    assertThat(SMS.acceptedCount(key)).isEqualTo(1);
    assertThat(SMS.applied.get(key).path("text").asText()).startsWith("Dear Trần Thị Bình,")
        .contains("has been received. Appointment for the result: "
            + java.time.format.DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy").format(due) + ".");
    assertThat(state(code)).isEqualTo("DELIVERED");
    assertThat(message("citizen2", code).path("status").asText()).isEqualTo("SENT");
  }

  @Test
  void theProcessPaymentReminderTheUnpaidStopAndARefusalAreToldWithTheirWords() throws Exception {
    choose("citizen", List.of("EMAIL"), "vi");
    Dossiers flow = new Dossiers(api);
    clock.set(LocalDateTime.of(2025, 3, 10, 8, 0));
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    flow.decide("clerk.stp", code, "accept", null);
    flow.decide("specialist.stp", code, "forward", null);
    clock.set(LocalDateTime.of(2025, 3, 11, 8, 0));
    assertThat(flow.decide("leader.stp", code, "approve", null).path("status").asInt()).isEqualTo(6);
    deliverAll();
    // The payment part's timers (motcua.payment: a reminder every 3 working days, a stop after 10), fired by hand.
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(org.motcua.process.ProcessContract.Parts.PAYMENT).singleResult().getId();
    clock.set(LocalDateTime.of(2025, 3, 14, 8, 0));
    management.executeJob(management.createJobQuery().processInstanceId(instance).activityId("paymentReminder")
        .singleResult().getId());
    deliverAll();
    clock.set(LocalDateTime.of(2025, 3, 26, 8, 0));
    management.executeJob(management.createJobQuery().processInstanceId(instance).activityId("paymentDeadline")
        .singleResult().getId());
    deliverAll();
    // A second dossier, refused at reception with a reason.
    String refused = flow.submitComplete("citizen", CRIMINAL_RECORD);
    flow.decide("clerk.stp", refused, "refuse", "Hồ sơ không thuộc thẩm quyền giải quyết của Sở Tư pháp");
    deliverAll();

    MimeMessage[] mails = SMTP.getReceivedMessages();
    assertThat(Arrays.stream(mails).map(NotificationDeliveryTest::subject).toList()).containsExactly(
        "Hồ sơ " + code + " đã được tiếp nhận",
        "Hồ sơ " + code + ": đề nghị nộp phí, lệ phí 200.000 đồng",
        "Nhắc nộp phí, lệ phí hồ sơ " + code,
        "Hồ sơ " + code + " đã dừng xử lý",
        "Hồ sơ " + refused + " không được giải quyết");
    assertThat(body(mails[2])).contains("vẫn chờ nộp phí, lệ phí 200.000 đồng")
        .contains("Thanh toán trực tuyến tại: " + PUBLIC + "/citizen/dossiers/" + code + "#payment");
    assertThat(body(mails[3])).contains("đã dừng xử lý do chưa nộp phí, lệ phí 200.000 đồng trong thời hạn");
    assertThat(body(mails[4])).contains("Lý do: Hồ sơ không thuộc thẩm quyền giải quyết của Sở Tư pháp");
  }

  @Test
  void anApologyWithItsNewAppointmentAndAWithdrawalAreTold() throws Exception {
    choose("citizen", List.of("EMAIL"), "vi");
    Dossiers flow = new Dossiers(api);
    clock.set(LocalDateTime.of(2025, 3, 17, 9, 0));
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    LocalDateTime due = LocalDateTime.parse(flow.decide("clerk.stp", code, "accept", null).path("dueAt").asText());
    // The due-soon warning (a timer of the process, fired by hand) asks the clerk to review the progress.
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(org.motcua.process.ProcessContract.STANDARD_PROCESS).singleResult().getId();
    management.executeJob(management.createJobQuery().processInstanceId(instance).activityId("dueSoonStart")
        .singleResult().getId());
    LocalDateTime newAppointment = due.plusDays(5);
    Api.Response apology = api.post("clerk.stp", "/api/tasks/" + flow.task("clerk.stp", code).path("id").asText()
        + "/complete", Map.of("decision", "apologize", "note", "Chờ kết quả xác minh của cơ quan công an",
        "newAppointment", newAppointment.toString()));
    assertThat(apology.status()).as(apology.toString()).isEqualTo(200);
    String withdrawn = flow.submitComplete("citizen", CRIMINAL_RECORD);
    flow.decide("clerk.stp", withdrawn, "accept", null);
    assertThat(api.post("citizen", "/api/dossiers/" + withdrawn + "/withdrawal",
        Map.of("reason", "Tôi đã có phiếu lý lịch tư pháp khác")).status()).isEqualTo(200);
    flow.decide("clerk.stp", withdrawn, "confirm", null);
    deliverAll();

    MimeMessage[] mails = SMTP.getReceivedMessages();
    assertThat(Arrays.stream(mails).map(NotificationDeliveryTest::subject).toList()).containsExactly(
        "Hồ sơ " + code + " đã được tiếp nhận",
        "Hồ sơ " + code + ": xin lỗi và hẹn lại ngày trả kết quả",
        "Hồ sơ " + withdrawn + " đã được tiếp nhận",
        "Hồ sơ " + withdrawn + " đã được rút");
    assertThat(body(mails[1])).contains("Lý do: Chờ kết quả xác minh của cơ quan công an")
        .contains("Ngày hẹn trả kết quả mới: "
            + java.time.format.DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").format(newAppointment) + ".");
    assertThat(body(mails[3])).contains("Theo đề nghị của Ông/Bà, hồ sơ " + withdrawn);
  }

  @Test
  void anApplicantAtTheCounterWithoutAnAccountHearsThroughThePhoneAndEmailOnTheDossier() throws Exception {
    clock.set(LocalDateTime.of(2025, 3, 12, 9, 0));
    Api.Response entered = api.post("clerk.stp", "/api/counter/dossiers", Map.of("procedureCode", CRIMINAL_RECORD,
        "channel", 1, "applicant", Map.of("name", "Lê Văn Cường", "idNumber", "079095001234",
            "phone", "0901234567", "email", "cuong.le@example.vn")));
    assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
    String code = entered.text("code");
    assertThat(entered.body().path("status").asInt()).isEqualTo(2);
    deliverAll();

    // counter-channels (SMS and e-mail), to the phone and e-mail written on the dossier, in Vietnamese.
    MimeMessage[] mails = SMTP.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(((InternetAddress) mails[0].getRecipients(Message.RecipientType.TO)[0]).getAddress())
        .isEqualTo("cuong.le@example.vn");
    assertThat(subject(mails[0])).isEqualTo("Hồ sơ " + code + " đã được tiếp nhận");
    assertThat(body(mails[0])).startsWith("Kính gửi Lê Văn Cường,")
        .contains("Tra cứu hồ sơ: " + PUBLIC + "/tra-cuu?code=" + code);
    List<String> smsKeys = keys(code, "SMS");
    assertThat(SMS.appliedOrder).containsExactlyElementsOf(smsKeys);
    assertThat(SMS.applied.get(smsKeys.get(0)).path("to").asText()).isEqualTo("0901234567");
    assertThat(keys(code, "ZALO")).isEmpty();
    // The clerk's agency sees what was sent; no citizen account does.
    JsonNode seen = api.get("clerk.stp", "/api/dossiers/" + code + "/messages").body();
    assertThat(seen).extracting(m -> m.path("channel").asText() + " " + m.path("recipient").asText())
        .containsExactly("EMAIL cuong.le@example.vn", "SMS 0901234567");
    assertThat(api.get("citizen", "/api/dossiers/" + code + "/messages").status()).isEqualTo(404);
  }

  @Test
  void preferencesBelongToTheSignedInAccountAndRefuseUnknownValues() {
    Api.Response unknown = api.call(HttpMethod.PUT, "citizen2", "/api/notifications/preferences",
        Map.of("channels", List.of("PIGEON")), null);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.text("code")).isEqualTo("UNKNOWN_CHANNEL");
    assertThat(api.call(HttpMethod.PUT, "citizen2", "/api/notifications/preferences",
        Map.of("channels", List.of("SMS"), "language", "fr"), null).text("code")).isEqualTo("UNKNOWN_LANGUAGE");
    choose("citizen2", List.of("ZALO", "EMAIL"), "en");
    JsonNode mine = api.get("citizen2", "/api/notifications/preferences").body();
    assertThat(mine.path("channels")).extracting(JsonNode::asText).containsExactlyInAnyOrder("EMAIL", "ZALO");
    assertThat(mine.path("language").asText()).isEqualTo("en");
    assertThat(api.get(null, "/api/notifications/preferences").status()).isEqualTo(401);
    // The profile page shows and stores the same choice.
    PageSession page = new PageSession(port).signIn("citizen2");
    assertThat(page.get("/citizen/notifications").body()).contains("id=\"channel-ZALO\"");
    HttpResponse<String> saved = page.post("/citizen/notifications", Map.of("channel", "SMS", "language", "vi"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(api.get("citizen2", "/api/notifications/preferences").body().path("channels"))
        .extracting(JsonNode::asText).containsExactly("SMS");
  }

  private void choose(String citizen, List<String> channels, String language) {
    Api.Response chosen = api.call(HttpMethod.PUT, citizen, "/api/notifications/preferences",
        Map.of("channels", channels, "language", language), null);
    assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
  }

  /** Runs the relay until nothing is left to deliver, moving the clock past each back-off (a minute at most). */
  private void deliverAll() {
    for (int round = 0; round < 30; round++) {
      relay.relayOnce();
      if (count("select count(*) from outbox_event where delivered_at is null and dead_at is null") == 0) {
        return;
      }
      clock.set(LocalDateTime.now(clock).plus(Duration.ofSeconds(20)));
    }
    throw new AssertionError("outbox not drained");
  }

  private List<String> keys(String code, String channel) {
    return jdbc.queryForList("select event_key from notification_message where dossier_code = ? and channel = ?"
        + " order by id", String.class, code, channel);
  }

  private String state(String code) {
    JsonNode events = api.get("admin", "/api/admin/outbox/events?topic=notification.sms&state=").body();
    JsonNode dead = api.get("admin", "/api/admin/outbox/events?topic=notification.sms&state=DELIVERED").body();
    for (JsonNode list : List.of(events, dead)) {
      for (JsonNode e : list) {
        if (e.path("dossierCode").asText().equals(code)) {
          return e.path("state").asText();
        }
      }
    }
    return null;
  }

  private JsonNode message(String user, String code) {
    Api.Response messages = api.get(user, "/api/dossiers/" + code + "/messages");
    assertThat(messages.status()).isEqualTo(200);
    assertThat(messages.body()).hasSize(1);
    return messages.body().get(0);
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(MimeMessage mail) {
    try {
      return ((String) mail.getContent()).replace("\r\n", "\n");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
