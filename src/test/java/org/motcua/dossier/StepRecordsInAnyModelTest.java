package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The step records need nothing from a model: a model deployed here for the test, which declares no listener, asks
 * two agencies for an opinion in a parallel multi-instance sub-process and then calls another process (the business
 * key, the dossier code, passed on) for a field verification. Every one of its user tasks becomes a step of the
 * dossier, with its own agency, budget and working time, and a task deleted with its process ends cancelled.
 */
@MotcuaTest
class StepRecordsInAnyModelTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  private static final String SXD = "000.00.15.H13";
  private static final String SNNMT = "000.00.16.H13";

  private static final String MODEL = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                   xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://motcua.org/test">
        <process id="stepsTestConsultation" name="Xin ý kiến và xác minh (thử)" isExecutable="true"
                 camunda:historyTimeToLive="1">
          <startEvent id="started" name="Bắt đầu"/>
          <sequenceFlow id="toOpinions" sourceRef="started" targetRef="opinions"/>
          <subProcess id="opinions" name="Xin ý kiến các cơ quan">
            <multiInstanceLoopCharacteristics isSequential="false" camunda:collection="${agencies}"
                                              camunda:elementVariable="agency"/>
            <startEvent id="opinionStarted" name="Gửi xin ý kiến"/>
            <sequenceFlow id="toOpinion" sourceRef="opinionStarted" targetRef="opinion"/>
            <userTask id="opinion" name="Cho ý kiến" camunda:candidateGroups="SPECIALIST@${agency}"
                      camunda:dueDate="PT4H"/>
            <sequenceFlow id="toOpinionGiven" sourceRef="opinion" targetRef="opinionGiven"/>
            <endEvent id="opinionGiven" name="Đã cho ý kiến"/>
          </subProcess>
          <sequenceFlow id="toVerification" sourceRef="opinions" targetRef="verification"/>
          <callActivity id="verification" name="Xác minh thực tế" calledElement="stepsTestVerification">
            <extensionElements><camunda:in businessKey="#{execution.processBusinessKey}"/></extensionElements>
          </callActivity>
          <sequenceFlow id="toDone" sourceRef="verification" targetRef="done"/>
          <endEvent id="done" name="Kết thúc"/>
        </process>
        <process id="stepsTestVerification" name="Xác minh thực tế (thử)" isExecutable="true"
                 camunda:historyTimeToLive="1">
          <startEvent id="visitStarted" name="Bắt đầu"/>
          <sequenceFlow id="toVisit" sourceRef="visitStarted" targetRef="fieldVisit"/>
          <userTask id="fieldVisit" name="Xác minh thực tế tại nơi ở" camunda:candidateGroups="CLERK@%s"
                    camunda:dueDate="P1D"/>
          <sequenceFlow id="toVisited" sourceRef="fieldVisit" targetRef="visited"/>
          <endEvent id="visited" name="Đã xác minh"/>
        </process>
      </definitions>
      """.formatted(SNNMT).strip();

  @Autowired
  Api api;
  @Autowired
  TestClock clock;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;

  private String deployment;

  @AfterEach
  void tearDown() {
    clock.reset();
    if (deployment != null) {
      repository.deleteDeployment(deployment, true);
    }
  }

  @Test
  void multiInstanceAndCalledProcessTasksAreStepsOfTheDossier() {
    // Tuesday 13 October 2026 08:00.
    clock.set(LocalDateTime.of(2026, 10, 13, 8, 0));
    String code = new Dossiers(api).submitComplete("citizen", CRIMINAL_RECORD);
    deployment = repository.createDeployment().name("steps-test").addString("steps-test.bpmn", MODEL).deploy()
        .getId();
    String parent = runtime.startProcessInstanceByKey("stepsTestConsultation", code,
        java.util.Map.of("agencies", List.of(SXD, SNNMT))).getId();

    // Two opinions, one per agency, each 4 working hours: 3.5 h this morning, 0.5 h after lunch → 14:00.
    List<JsonNode> opinions = steps(code, "opinion");
    assertThat(opinions).extracting(s -> s.path("agencyCode").asText()).containsExactlyInAnyOrder(SXD, SNNMT);
    assertThat(opinions).allSatisfy(s -> {
      assertThat(s.path("role").asText()).isEqualTo("SPECIALIST");
      assertThat(s.path("dueAt").asText()).isEqualTo("2026-10-13T14:00");
      assertThat(s.path("budgetMinutes").asLong()).isEqualTo(240);
    });

    clock.set(LocalDateTime.of(2026, 10, 13, 10, 0));
    tasks.complete(task(code, "SPECIALIST@" + SNNMT).getId());
    clock.set(LocalDateTime.of(2026, 10, 13, 15, 0));
    tasks.complete(task(code, "SPECIALIST@" + SXD).getId());
    JsonNode kept = byAgency(steps(code, "opinion"), SNNMT);
    assertThat(kept.path("workedMinutes").asLong()).isEqualTo(120);
    assertThat(kept.path("kept").asBoolean()).isTrue();
    JsonNode late = byAgency(steps(code, "opinion"), SXD);
    assertThat(late.path("workedMinutes").asLong()).isEqualTo(210 + 90);
    assertThat(late.path("overran").asBoolean()).isTrue();

    // The called process's task belongs to the same dossier: one working day from 15:00 → tomorrow 15:00.
    JsonNode visit = steps(code, "fieldVisit").get(0);
    assertThat(visit.path("name").asText()).isEqualTo("Xác minh thực tế tại nơi ở");
    assertThat(visit.path("agencyCode").asText()).isEqualTo(SNNMT);
    assertThat(visit.path("role").asText()).isEqualTo("CLERK");
    assertThat(visit.path("startedAt").asText()).isEqualTo("2026-10-13T15:00");
    assertThat(visit.path("dueAt").asText()).isEqualTo("2026-10-14T15:00");

    // Deleting the process deletes the called one's task: the step ends cancelled, saying why.
    clock.set(LocalDateTime.of(2026, 10, 14, 9, 0));
    runtime.deleteProcessInstance(parent, "Dừng xin ý kiến (thử)");
    visit = steps(code, "fieldVisit").get(0);
    assertThat(visit.path("outcome").asText()).isEqualTo("CANCELLED");
    assertThat(visit.path("endedAt").asText()).isEqualTo("2026-10-14T09:00");
    assertThat(visit.path("workedMinutes").asLong()).isEqualTo(120 + 120);
    // The dossier's own process goes on, its reception step still open.
    assertThat(steps(code, "reception").get(0).path("endedAt").isNull()).isTrue();
  }

  private List<JsonNode> steps(String code, String taskKey) {
    Api.Response dossier = api.get("clerk.stp", "/api/dossiers/" + code);
    assertThat(dossier.status()).as(dossier.toString()).isEqualTo(200);
    return StreamSupport.stream(dossier.body().path("steps").spliterator(), false)
        .filter(s -> s.path("taskKey").asText().equals(taskKey)).toList();
  }

  private Task task(String code, String group) {
    return tasks.createTaskQuery().processInstanceBusinessKey(code).taskCandidateGroup(group).singleResult();
  }

  private static JsonNode byAgency(List<JsonNode> steps, String agency) {
    return steps.stream().filter(s -> s.path("agencyCode").asText().equals(agency)).findFirst().orElseThrow();
  }
}
