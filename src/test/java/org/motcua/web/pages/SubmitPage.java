package org.motcua.web.pages;

import org.motcua.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The online submission form (/citizen/submit/{procedure}). */
public class SubmitPage {

  private final Browser browser;

  public SubmitPage(Browser browser) {
    this.browser = browser;
  }

  public SubmitPage set(String field, String value) {
    WebElement input = browser.find(By.id(field));
    input.clear();
    input.sendKeys(value);
    return this;
  }

  public String value(String field) {
    return browser.find(By.id(field)).getAttribute("value");
  }

  public void send() {
    browser.clickAndWait(By.id("send"));
  }

  /** The error written next to a field, or null. */
  public String errorOf(String field) {
    By error = By.id(field + "-error");
    return browser.has(error) ? browser.text(error) : null;
  }

  public boolean showsErrors() {
    return browser.has(By.id("form-errors"));
  }
}
