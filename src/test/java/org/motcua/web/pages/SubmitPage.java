package org.motcua.web.pages;

import java.nio.file.Path;
import java.util.List;
import org.motcua.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The online submission form (/citizen/submit/{procedure}) and the counter intake form, which share their fields. */
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

  /** Chooses an option of a select by its value. */
  public SubmitPage choose(String field, String value) {
    new Select(browser.find(By.id(field))).selectByValue(value);
    return this;
  }

  public String value(String field) {
    return browser.find(By.id(field)).getAttribute("value");
  }

  /** Chooses a file for a component (input file_{component}). */
  public SubmitPage attach(String component, Path file) {
    browser.find(By.id("file_" + component)).sendKeys(file.toString());
    return this;
  }

  /** The warehouse documents offered for a component, as their option texts (empty when none). */
  public List<String> reuseOffers(String component) {
    By select = By.id("reuse_" + component);
    return browser.has(select) ? new Select(browser.find(select)).getOptions().stream().skip(1)
        .map(WebElement::getText).toList() : List.of();
  }

  /** Reuses the first warehouse document offered for the component. */
  public SubmitPage reuseFirst(String component) {
    new Select(browser.find(By.id("reuse_" + component))).selectByIndex(1);
    return this;
  }

  public void send() {
    browser.clickAndWait(By.id("send"));
  }

  /** The error written next to a field (for a component: "file_" + its code), or null. */
  public String errorOf(String field) {
    By error = By.id(field + "-error");
    return browser.has(error) ? browser.text(error) : null;
  }

  public boolean showsErrors() {
    return browser.has(By.id("form-errors"));
  }
}
