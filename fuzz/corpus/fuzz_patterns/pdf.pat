# What the PDF's own metadata says about how it was made.

pattern pdf.ocr-producer
kind    pdf.ocr-producer
flags   i
description programs that put an OCR text layer over scanned pages (Creator or Producer)
regex   \b(?<program>OCRmyPDF|Tesseract|ABBYY|FineReader|Readiris|OmniPage|Paper\h+Capture|ClearScan|ScanSoft|Nuance\h+PDF|Kofax|PDF\h+OCR)\b
example OCRmyPDF 17.4.2 / OCRmyPDF fpdf2 + Tesseract OCR 5.3.4
  program = OCRmyPDF
example ABBYY FineReader PDF 15
  program = ABBYY
example Adobe Acrobat Pro 11.0.23 Paper Capture Plug-in
  program = Paper Capture
example Microsoft® Word 2021
  no match
example Adobe InDesign 18.0 (Macintosh)
  no match
