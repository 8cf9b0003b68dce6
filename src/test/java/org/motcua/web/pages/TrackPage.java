package org.motcua.web.pages;

import org.motcua.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Public tracking (/track): dossier code plus the last four digits of the applicant's phone, no account. */
public class TrackPage {

  private final Browser browser;

  public TrackPage(Browser browser) {
    this.browser = browser;
  }

  public static TrackPage open(Browser browser) {
    browser.forget();
    browser.go("/track");
    return new TrackPage(browser);
  }

  public TrackPage track(String code, String lastDigits) {
    WebElement codeField = browser.find(By.id("code"));
    codeField.clear();
    codeField.sendKeys(code);
    browser.find(By.id("phone")).sendKeys(lastDigits);
    browser.clickAndWait(By.id("track"));
    return this;
  }

  public boolean notFound() {
    return browser.has(By.id("not-found"));
  }

  public String status() {
    return browser.has(By.id("dossier-status")) ? browser.text(By.id("dossier-status")) : null;
  }

  public String errorOf(String field) {
    By error = By.id(field + "-error");
    return browser.has(error) ? browser.text(error) : null;
  }
}
