// The upload section: lists /uploads/ (its autoindex page), uploads with fetch, deletes with DELETE.
'use strict';

const list = document.getElementById('stored');
const form = document.getElementById('upload');

async function refresh() {
  const response = await fetch('/uploads/');
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const names = [...page.querySelectorAll('a')]
    .map(a => a.getAttribute('href'))
    .filter(href => href && !href.startsWith('..') && !href.endsWith('/') && !href.startsWith('.'));
  list.replaceChildren(...names.map(entry));
  if (names.length === 0) {
    list.innerHTML = '<li>none yet</li>';
  }
}

function entry(href) {
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = '/uploads/' + href;
  link.textContent = decodeURIComponent(href);
  const remove = document.createElement('button');
  remove.textContent = 'Delete';
  remove.addEventListener('click', async () => {
    await fetch('/uploads/' + href, { method: 'DELETE' });
    refresh();
  });
  li.append(link, remove);
  return li;
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const response = await fetch('/uploads', { method: 'POST', body: new FormData(form) });
  if (!response.ok) {
    alert('upload failed: ' + response.status);
  }
  form.reset();
  refresh();
});

refresh();
