package org.motcua.web.pages;

import org.motcua.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The officer's inbox (/officer/inbox): one line per task, coloured by urgency. */
public class InboxPage {

  private final Browser browser;

  public InboxPage(Browser browser) {
    this.browser = browser;
  }

  public static InboxPage open(Browser browser) {
    browser.go("/officer/inbox");
    return new InboxPage(browser);
  }

  public String notice() {
    return browser.has(By.id("notice")) ? browser.text(By.id("notice")) : null;
  }

  private WebElement line(String dossierCode) {
    return browser.find(By.cssSelector("#inbox tr[data-code='" + dossierCode + "']"));
  }

  public boolean lists(String dossierCode) {
    return browser.has(By.cssSelector("#inbox tr[data-code='" + dossierCode + "']"));
  }

  /** The line's text: deadline, urgency word, task and applicant. */
  public String lineOf(String dossierCode) {
    return line(dossierCode).getText();
  }

  public String urgencyOf(String dossierCode) {
    return line(dossierCode).getAttribute("data-urgency");
  }

  public DossierPage open(String dossierCode) {
    browser.clickAndWait(By.cssSelector("#inbox tr[data-code='" + dossierCode + "'] a"));
    return new DossierPage(browser);
  }
}
