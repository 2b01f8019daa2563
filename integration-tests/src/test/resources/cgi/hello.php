<?php
// Through php-cgi: query, form body and a header.
header("X-Php: yes");
echo "php " . $_SERVER["REQUEST_METHOD"] . " name=" . ($_GET["name"] ?? "") . " v=" . ($_POST["v"] ?? "") . "\n";
