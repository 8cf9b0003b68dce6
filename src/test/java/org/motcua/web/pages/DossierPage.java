package org.motcua.web.pages;

import java.util.List;
import org.motcua.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A dossier as its applicant or an officer sees it: summary, processing-control slip, and the forms below it. */
public class DossierPage {

  private final Browser browser;

  public DossierPage(Browser browser) {
    this.browser = browser;
  }

  public String code() {
    return browser.text(By.id("dossier-code"));
  }

  public String status() {
    return browser.text(By.id("dossier-status"));
  }

  public String appointment() {
    return browser.text(By.id("dossier-due"));
  }

  public String notice() {
    return browser.has(By.id("notice")) ? browser.text(By.id("notice")) : null;
  }

  /** The lines of the processing-control slip, as text. */
  public List<String> history() {
    return browser.driver().findElements(By.cssSelector("#history tbody tr")).stream()
        .map(WebElement::getText).toList();
  }

  public String supplementGuide() {
    return browser.text(By.id("supplement-guide"));
  }

  public void answerSupplement(String note) {
    WebElement field = browser.find(By.id("note"));
    field.clear();
    field.sendKeys(note);
    browser.clickAndWait(By.id("send-supplement"));
  }

  /** An officer decides on their step; returns nothing since the page changes (inbox on success). */
  public void decide(String decision, String note) {
    if (decision != null) {
      browser.find(By.id("decision-" + decision)).click();
    }
    WebElement field = browser.find(By.id("note"));
    field.clear();
    if (note != null) {
      field.sendKeys(note);
    }
    browser.clickAndWait(By.id("confirm"));
  }

  public List<String> decisions() {
    return browser.driver().findElements(By.cssSelector("input[name=decision]")).stream()
        .map(e -> e.findElement(By.xpath("..")).getText()).toList();
  }

  public String errorOf(String field) {
    By error = By.id(field + "-error");
    return browser.has(error) ? browser.text(error) : null;
  }
}
