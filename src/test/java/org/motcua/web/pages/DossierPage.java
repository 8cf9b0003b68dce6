package org.motcua.web.pages;

import java.nio.file.Path;
import java.util.List;
import org.motcua.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A dossier as its applicant or an officer sees it: summary, files, forms, processing-control slip, actions. */
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

  /** The files of the dossier, as text (component or result, file name, source). */
  public List<String> documents() {
    return browser.driver().findElements(By.cssSelector("#documents li")).stream().map(WebElement::getText).toList();
  }

  public boolean has(String id) {
    return browser.has(By.id(id));
  }

  /** Downloads a link of the page ({@code form-receipt}, {@code download-result}…): status and content type. */
  public List<Object> download(String linkId) {
    return browser.download(By.id(linkId));
  }

  public String supplementGuide() {
    return browser.text(By.id("supplement-guide"));
  }

  public void answerSupplement(String note) {
    answerSupplement(note, null, null);
  }

  /** The supplement answer, with the missing file for a component (both may be null). */
  public void answerSupplement(String note, String component, Path file) {
    if (component != null) {
      new Select(browser.find(By.id("supplement-component"))).selectByValue(component);
      browser.find(By.id("supplement-file")).sendKeys(file.toString());
    }
    WebElement field = browser.find(By.id("note"));
    field.clear();
    field.sendKeys(note);
    browser.clickAndWait(By.id("send-supplement"));
  }

  /** Thanh toán trực tuyến: to the (sandbox) gateway's page. */
  public void payOnline() {
    browser.clickAndWait(By.id("pay-online"));
  }

  /** An officer digitizes the signed result. */
  public void uploadResult(Path file) {
    browser.find(By.id("result-file")).sendKeys(file.toString());
    browser.clickAndWait(By.id("upload-result"));
  }

  /** A clerk records the fee paid at the counter (method null: none chosen). */
  public void recordPayment(String method, String receiptNumber) {
    if (method != null) {
      browser.find(By.id("method-" + method)).click();
    }
    WebElement number = browser.find(By.id("receiptNumber"));
    number.clear();
    if (receiptNumber != null) {
      number.sendKeys(receiptNumber);
    }
    browser.clickAndWait(By.id("record-payment"));
  }

  /** The applicant rates the returned dossier (rating null: none chosen). */
  public void rate(Integer rating, String comment) {
    if (rating != null) {
      browser.find(By.id("rating-" + rating)).click();
    }
    if (comment != null) {
      browser.find(By.id("comment")).sendKeys(comment);
    }
    browser.clickAndWait(By.id("send-rating"));
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
