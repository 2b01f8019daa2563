<?php
// Form echo through php-cgi: the query (GET) and the urlencoded body (POST), escaped.
$name = htmlspecialchars($_REQUEST["name"] ?? "", ENT_QUOTES);
?><!DOCTYPE html><html><head><meta charset="utf-8"><title>php</title>
<link rel="stylesheet" href="/style.css"></head><body><h1>Hello from PHP <?= PHP_VERSION ?></h1>
<form method="POST" action="hello.php"><input name="name" placeholder="your name"><button>POST</button></form>
<p><?= $name === "" ? "Tell me your name." : "Hello, $name (" . $_SERVER["REQUEST_METHOD"] . ")." ?></p>
<p><a href="./">all CGI demos</a></p></body></html>
