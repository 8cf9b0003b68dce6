package org.motcua.dossier;

import org.motcua.common.ApiException;

/**
 * A component's file was refused (wrong type, too large, warehouse item not usable…): the same problem the API
 * answers, naming the component so that a page can show the message next to it.
 */
public class ComponentRefused extends ApiException {

  private final String component;

  ComponentRefused(String component, ApiException refusal) {
    super(refusal);
    this.component = component;
  }

  public String component() {
    return component;
  }
}
