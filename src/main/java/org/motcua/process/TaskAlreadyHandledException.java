package org.motcua.process;

/** Another officer claimed or completed the task first (a concurrent click on the same task). */
public class TaskAlreadyHandledException extends RuntimeException {

  public TaskAlreadyHandledException(String taskId, Throwable cause) {
    super("Task " + taskId + " was claimed or completed concurrently", cause);
  }
}
